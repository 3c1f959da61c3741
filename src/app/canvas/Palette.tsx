import { ALL_KINDS } from '../../catalog';

export default function Palette() {
  return (
    <ul data-testid="palette">
      {ALL_KINDS.map((kind) => (
        <li key={kind.id}>{kind.title}</li>
      ))}
    </ul>
  );
}
