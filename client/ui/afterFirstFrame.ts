/**
 * Runs `work` once the frame being rendered now has been painted: work that can wait a frame
 * (the socket's handshake) then does not delay what the device shows first. A hidden page gets
 * no frames; the timer makes sure the work runs anyway.
 */
export function afterFirstFrame(work: () => void): void {
  let done = false;
  const once = () => done || ((done = true), work());
  requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, 500);
}
