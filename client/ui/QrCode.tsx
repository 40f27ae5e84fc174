import { encode } from 'uqr';

/** A QR code as plain SVG rectangles: no inline styles, so the strict CSP holds. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  const cells: preact.JSX.Element[] = [];
  data.forEach((row, y) => row.forEach((dark, x) => dark && cells.push(<rect key={`${x}-${y}`} x={x} y={y} width={1} height={1} />)));
  return (
    <svg class="qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <g fill="#000">{cells}</g>
    </svg>
  );
}
