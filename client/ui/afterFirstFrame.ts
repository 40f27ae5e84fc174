/**
 * Runs `work` once the frame being rendered now has been painted: work that can wait a frame
 * (the socket's handshake) then does not delay what the device shows first. A hidden page gets
 * no frames, so a timer makes sure the work runs anyway.
 */
export function afterFirstFrame(work: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  if (document.visibilityState === 'hidden') return void setTimeout(once, 0);
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 1_000);
}
