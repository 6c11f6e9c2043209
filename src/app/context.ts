/**
 * The narrow views of the application that use cases take, instead of the whole `App` class. App
 * satisfies each structurally, so callers pass the App as before; but a use case (the commands, the case
 * lifecycle, self-reports, dashboard access, reports, dossiers) no longer imports app.ts, which imports the
 * commands: that made app.ts and its use cases one import circle (issue 21 point 13). Each view names only
 * what its use cases read; a new need is added here, not by importing App.
 */
import type { Config } from '../config.js';
import type { PilkadaClassifier } from '../core/classifier.js';
import type { Platform } from '../core/ids.js';
import type { AsnRegistry } from '../store/asn.js';
import type { Db } from '../store/db.js';
import type { CommandRunner } from './commands/index.js';
import type { Logger } from './log.js';
import type { Monitor } from './monitor.js';
import type { InviteInspector } from './ports.js';

/** The database, the settings and the clock: dashboard access, dossiers, the report directory. */
export interface AppCore {
  readonly config: Config;
  readonly db: Db;
  readonly clock: () => number;
}

/** Use cases over cases and the registry that queue messages (and wake the dispatcher once committed) and log. */
export interface AppCases extends AppCore {
  readonly log: Logger;
  readonly registry: AsnRegistry;
  readonly monitor: Monitor;
  readonly dispatcher: { wake(): void };
}

/** Self-reports: cases, plus the classifier and the invite-link port that score a reported group. */
export interface SelfReportDeps extends AppCases {
  readonly classifier: PilkadaClassifier;
  readonly inviteInspector: InviteInspector | undefined;
  /** The offline OCR's queue (app/ocr/screenshots.ts): a recorded report's pictures are read after its turn. */
  readonly screenshots: { enqueueReport(reportId: number): void };
}

/** The core chat commands (/help, /status, marking groups): cases, plus help text, live platform status and scans. */
export interface CoreCommandDeps extends AppCases {
  readonly commands: Pick<CommandRunner, 'helpFor'>;
  readonly platformStatus: Partial<Record<Platform, string>>;
  readonly statusNotes: ReadonlyMap<string, (lang: 'id' | 'en', now: number) => string | undefined>;
  wakeScanners(): void;
}
