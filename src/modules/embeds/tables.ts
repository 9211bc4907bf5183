export interface EmbedsTables {
  /** Embed HTML from an oEmbed provider, served inside a sandboxed frame at /frames/embed/:id. */
  embeds: {
    /** Hash of provider and HTML, so the same embed is stored once. */
    id: string;
    provider: string;
    url: string;
    html: string;
    created_at: number;
  };
  /** HTML of raw-HTML blocks, keyed by its sha256, served sandboxed at /frames/html/:hash. */
  html_frames: {
    hash: string;
    html: string;
    created_at: number;
  };
}
