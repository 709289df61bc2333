import { ReferenceInput } from './reference-input';

export function TopBar() {
  return (
    <header className="top-bar">
      <ReferenceInput />
    </header>
  );
}
