// Where the real e-mail files from other programs are (../shared/external/mail,
// see PROVENANCE.md): read there, never copied into the repository.
import path from 'node:path';
import { repoRoot } from './paths';

/** ../shared/external/mail next to the repository, or under INNSPILL_SHARED when a worktree sits elsewhere. */
export const EXTERNAL_MAIL = path.resolve(process.env.INNSPILL_SHARED ?? path.resolve(repoRoot, '..', 'shared'), 'external', 'mail');
