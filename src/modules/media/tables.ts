import type { Generated } from 'kysely';

export interface MediaTables {
  media: {
    id: Generated<number>;
    storage_key: string;
    original_name: string;
    mime: string;
    width: number;
    height: number;
    bytes: number;
    caption: string;
    credit: string;
    alt: string;
    /** Focal point, 0..1 from the top-left, used to centre crops. */
    focal_x: number;
    focal_y: number;
    created_at: number;
    /** The staff user who uploaded it (null for API keys and older uploads): they may edit it with media.upload. */
    uploaded_by: number | null;
  };
}
