import type { ReactElement } from 'react';

/** 16px stroke icons drawn for this app (no icon font: the CSP allows only our own files). */
const paths = {
  session: 'M2.5 3.5h11v9h-11z M2.5 6.5h11 M5 9h3',
  search: 'M7 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10z M10.6 10.6l3.4 3.4',
  plug: 'M6 1.5v3 M10 1.5v3 M4 4.5h8v3a4 4 0 0 1-8 0z M8 11.5v3',
  gear: 'M8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z M8 1.5v2 M8 12.5v2 M1.5 8h2 M12.5 8h2 M3.4 3.4l1.4 1.4 M11.2 11.2l1.4 1.4 M3.4 12.6l1.4-1.4 M11.2 4.8l1.4-1.4',
  alert: 'M8 1.8l6.5 11.7h-13z M8 6v3.5 M8 11.4v.1',
  info: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z M8 7.2v4 M8 4.8v.1',
  check: 'M3 8.5l3.2 3L13 4.5',
  x: 'M4 4l8 8 M12 4l-8 8',
  copy: 'M5.5 5.5h8v8h-8z M10.5 5.5v-3h-8v8h3',
  link: 'M6.6 9.4l2.8-2.8 M7.3 4.3l1.2-1.2a2.7 2.7 0 0 1 3.8 3.8l-1.2 1.2 M8.7 11.7l-1.2 1.2a2.7 2.7 0 0 1-3.8-3.8l1.2-1.2',
  play: 'M4.5 2.8v10.4l8.5-5.2z',
  external: 'M9 2.5h4.5V7 M13.5 2.5L7.5 8.5 M11.5 9.5v4h-9v-9h4',
  refresh: 'M13.5 3v3.5H10 M13.3 6.3A5.5 5.5 0 1 0 13 10',
  chevronRight: 'M6 3.5l4.5 4.5L6 12.5',
  chevronDown: 'M3.5 6l4.5 4.5L12.5 6',
  offline: 'M1.5 5.5a10 10 0 0 1 13 0 M3.8 8.2a6.5 6.5 0 0 1 8.4 0 M6.2 10.8a3 3 0 0 1 3.6 0 M8 13.2v.1 M2 2l12 12',
  filter: 'M2 3h12l-4.5 5.5v4.5l-3 1.5v-6z',
  trash: 'M2.5 4h11 M6 4V2.5h4V4 M4 4l.8 10h6.4L12 4',
  plus: 'M8 3v10 M3 8h10',
  key: 'M5.5 10.5a3 3 0 1 1 2.1-.9l5.9 5.9 M11 13l1.5-1.5 M9.5 11.5L11 10',
  database:
    'M2.5 4c0-1.1 2.5-2 5.5-2s5.5.9 5.5 2-2.5 2-5.5 2-5.5-.9-5.5-2z M2.5 4v8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2V4 M2.5 8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2',
  clock: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z M8 4.5V8l2.5 1.5',
  download: 'M8 2v8.5 M4.5 7L8 10.5 11.5 7 M2.5 13.5h11',
  folder: 'M1.5 4V12.5h13v-7H7.5L6 4z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 16, label }: { name: IconName; size?: number; label?: string }): ReactElement {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
