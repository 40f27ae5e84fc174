/**
 * Runs `work` once the page's first frame is painted: the frame callback runs before the paint,
 * the task it queues after it. A hidden page gets no frames, so a timer as well.
 */
export function afterFirstPaint(work: () => void, fallbackMs = 500): void {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    work();
  };
  requestAnimationFrame(() => setTimeout(go));
  setTimeout(go, fallbackMs);
}
