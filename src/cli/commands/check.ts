import type { Command } from 'commander';

// TODO(lead): placeholder until the owning helper fills in `truce check`; must not survive the session.
export function register(_program: Command): void {}
