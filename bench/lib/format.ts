/** Number formats shared by every table, so figures line up and read the same everywhere. */

export const ms = (value: number, digits = 3) => `${value.toFixed(digits)} ms`;
export const int = (value: number) => Math.round(value).toLocaleString('en-US');
export const bytes = (value: number) =>
  value >= 10 * 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(0)} MB` : `${int(value)} B (${(value / 1024).toFixed(1)} KB)`;
export const ratio = (value: number) => `${value.toFixed(2)}×`;
export const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
export const seconds = (valueMs: number) => `${(valueMs / 1000).toFixed(2)} s`;
