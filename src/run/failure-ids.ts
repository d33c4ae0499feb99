/**
 * Message ids that mean the run failed on a file rather than found a defect
 * (exit 2): never hidden by a baseline or an inline directive.
 */
export const failureIds: ReadonlySet<string> = new Set(['unreadable', 'unwritable', 'internal-error', 'too-large', 'too-deep'])
