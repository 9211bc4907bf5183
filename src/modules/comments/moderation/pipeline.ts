/**
 * Runs the moderation phases and folds their verdicts into one decision: the first rejection (in
 * phase order) wins; otherwise any hold holds the comment, with every hold's reason kept for the
 * moderator; otherwise the comment is accepted.
 */
import type { Decision, Phase, PhaseContext, Verdict } from './types.js';

/** Pure: the same verdicts always fold to the same decision, and the input is left as it was. */
export function fold(verdicts: readonly (Verdict | null)[]): Decision {
  const reasons: Decision['reasons'] = [];
  let firstHold: Verdict | null = null;
  for (const verdict of verdicts) {
    if (verdict === null || verdict.action === 'accept') continue;
    reasons.push({ phase: verdict.phase, action: verdict.action, reason: verdict.reason });
    // Nothing overturns a rejection, so what later phases would say is not part of the decision.
    if (verdict.action === 'reject') return { verdict: { ...verdict }, reasons };
    firstHold ??= verdict;
  }
  return { verdict: firstHold ? { ...firstHold } : { action: 'accept' }, reasons };
}

/**
 * Runs the phases in order and stops at the first rejection a phase gives at once: the rest could
 * not change the outcome, and the cheap, decisive phases come first so a refused comment costs
 * little. Phases that ask the store answer later; they run side by side (the rate limits and the
 * repeat check are one wait on PostgreSQL, not two), and a rejection among them decides as it
 * would have in turn. The decision is always the same as folding every phase's verdict.
 */
export async function moderate(phases: readonly Phase[], context: PhaseContext): Promise<Decision> {
  const answers: (Verdict | null | Promise<Verdict | null>)[] = [];
  for (const phase of phases) {
    const answer = phase.check(context);
    answers.push(answer);
    if (!(answer instanceof Promise) && answer?.action === 'reject') break;
  }
  return fold(await Promise.all(answers));
}

/**
 * Sends the questions the phases will ask about the past before the rest of the context is known.
 * Those questions depend only on who, where, what and when, so a post asks them beside its other
 * reads (one wait on PostgreSQL instead of two in a row): every phase runs once on the provisional
 * context, its verdicts are thrown away, and the history keeps the answers for `moderate` to find.
 * A question the provisional context gets wrong is simply asked again; the decision is `moderate`'s.
 */
export function askAhead(phases: readonly Phase[], provisional: PhaseContext): void {
  const answers: Promise<unknown>[] = [];
  for (const phase of phases) {
    const answer = phase.check(provisional);
    if (answer instanceof Promise) answers.push(answer);
    else if (answer?.action === 'reject') break;
  }
  // Failures surface when `moderate` asks the same question; nothing here waits for them.
  void Promise.allSettled(answers);
}
