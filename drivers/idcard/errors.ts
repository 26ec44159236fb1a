/**
 * What went wrong with a reader, in two voices: `message` for the technician (port, command,
 * bytes, status) and `citizen` for the screen, in plain Chinese, where the citizen can help.
 */
export type IdCardErrorCode =
  | 'timeout'
  | 'reader-status'
  | 'sam-error'
  | 'card-removed-during-read'
  | 'bad-card-data'
  | 'disconnected'
  | 'closed';

const CITIZEN: Partial<Record<IdCardErrorCode, string>> = {
  'card-removed-during-read': '请重新放置身份证',
  'bad-card-data': '无法读取此证件，请重新放置身份证',
  'reader-status': '请重新放置身份证',
  timeout: '读卡器无响应，请联系工作人员',
  'sam-error': '读卡器故障，请联系工作人员',
  disconnected: '读卡器未连接，请联系工作人员',
};

export class IdCardError extends Error {
  readonly citizen: string | undefined;

  constructor(
    readonly code: IdCardErrorCode,
    message: string,
    readonly context: { device?: string; command?: string; sw3?: number; bytes?: string } = {},
  ) {
    super(message);
    this.name = 'IdCardError';
    this.citizen = CITIZEN[code];
  }
}
