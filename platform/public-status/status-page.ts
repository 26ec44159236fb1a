import type { PublicCaseStatus } from '../../contract/platform/public-status';
import type { NoticeOnStatusPage } from './public-status';
import type { CaseEventType } from '../../contract/platform/events';
import type { CaseStatus } from '../../contract/platform/cases';

const STATUS_WORDS: Record<CaseStatus, string> = {
  queued: '已提交，等待窗口审核',
  claimed: '窗口正在审核',
  accepted: '已受理，正在办理',
  'awaiting-materials': '需要补正材料，请留意短信或到窗口咨询',
  rejected: '不予受理，请留意短信或到窗口咨询',
  transferred: '已转交主管部门办理',
  returned: '已退回窗口复核',
  ready: '已办好，请持回执到窗口领取',
  completed: '已办结',
};

const EVENT_WORDS: Record<CaseEventType, string> = {
  submitted: '提交申请',
  claimed: '窗口开始审核',
  released: '退回排队',
  accepted: '受理',
  rejected: '不予受理',
  'materials-requested': '告知补正材料',
  'materials-supplied': '补正材料',
  transferred: '转交主管部门',
  returned: '退回窗口复核',
  approved: '主管部门审批通过',
  completed: '办结',
  collected: '领取结果',
  rated: '评价',
  'follow-up-closed': '回访完成',
  'handed-over': '转由其他窗口办理',
};

const NOTICE_WORDS: Record<PublicCaseStatus['notices'][number]['kind'], string> = {
  'rejection-notice': '不予受理告知书',
  'supplement-notice': '补正材料告知书',
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Beijing time, as the receipt prints it. */
function shanghaiTime(isoTime: string): string {
  return new Date(isoTime).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
}

const STYLE = `body{font-family:'Noto Sans CJK SC',sans-serif;margin:0;padding:1.5rem;line-height:1.6;font-size:18px;color:#1a1a1a;background:#fff}
main{max-width:40rem;margin:0 auto}h1{font-size:1.6rem}dt{font-weight:bold}dd{margin:0 0 .75rem}
.state{font-size:1.3rem;font-weight:bold;color:#0b4f8a}.verdict{font-size:1.3rem;font-weight:bold;padding:.75rem 1rem;border:3px solid}.verdict.ok{color:#0a5c2b;border-color:#0a5c2b}.verdict.bad{color:#9b1c1c;border-color:#9b1c1c}.code{font-family:monospace;letter-spacing:.05em}ol{padding-left:1.2rem}li{margin:.4rem 0}.note{color:#444;font-size:1rem}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN" translate="no"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** The signed notices of the case: a notice on paper is genuine when its 核验码 is one of these. */
function notices(list: PublicCaseStatus['notices']): string {
  if (list.length === 0) return '';
  const items = list
    .map(
      (n) =>
        `<li data-document="${escape(n.documentId)}">${escape(NOTICE_WORDS[n.kind])}（${escape(shanghaiTime(n.issuedAt))}）<br>核验码：<span class="code">${escape(n.verificationCode)}</span> <a href="${escape(n.pageUrl)}">核验</a></li>`,
    )
    .join('');
  return `<h2>告知书核验</h2><p>本中心出具的告知书由平台签发。纸质告知书上的核验码与下列相同，即为真实有效。</p><ol>${items}</ol>`;
}

const NOTE = '<p class="note">本页不显示个人信息。如有疑问，请持回执到受理窗口咨询。</p>';

/** The case's facts, state and history: what a receipt's and a notice's QR code both show. */
function progress(status: PublicCaseStatus, heading: string): string {
  const history = status.history
    .map((h) => `<li><time datetime="${escape(h.at)}">${escape(shanghaiTime(h.at))}</time> ${escape(EVENT_WORDS[h.type])}</li>`)
    .join('');
  return `<${heading}>办件进度</${heading}>
<dl><dt>办理事项</dt><dd>${escape(status.service.name['zh-CN'])}</dd>
<dt>办件编号</dt><dd>${escape(status.caseNumber)}</dd>
<dt>受理单位</dt><dd>${escape(status.centreName)}</dd>
<dt>当前状态</dt><dd class="state" data-status="${escape(status.status)}">${escape(STATUS_WORDS[status.status])}</dd></dl>
<h2>办理记录</h2><ol>${history}</ol>`;
}

/** The page a receipt's QR code opens on a phone: the state and the history, nothing personal. */
export function statusPageHtml(status: PublicCaseStatus): string {
  return page('办件进度', `${progress(status, 'h1')}${notices(status.notices)}\n${NOTE}`);
}

const NOT_VERIFIED: Record<Extract<NoticeOnStatusPage, { verified: false }>['why'], string> = {
  'bad-code': '核验码格式不对：核验码是告知书二维码旁印的16位字母和数字（如 ABCD-EFGH-JKMN-PQRS），请核对后重新输入。',
  'not-found': '平台没有签发过与此核验码相符的告知书。请核对核验码；如仍不符，这份告知书可能不是本中心出具的，请持告知书到受理窗口咨询。',
  altered: '平台存档的告知书与签发时不一致，无法确认其真实性。请持告知书到受理窗口咨询。',
};

/**
 * The page a notice's QR code opens: the notice verified (已核验) under the platform's document
 * key, with the case's progress, or in plain words why it is not; nothing personal either way.
 */
export function noticePageHtml(result: NoticeOnStatusPage): string {
  if (!result.verified) {
    return page(
      '告知书核验',
      `<h1>告知书核验</h1><p class="verdict bad" data-verified="false">未通过核验</p><p>${escape(NOT_VERIFIED[result.why])}</p>${NOTE}`,
    );
  }
  const { notice, issuer, status } = result;
  return page(
    '告知书核验',
    `<h1>告知书核验</h1>
<p class="verdict ok" data-verified="true">已核验：这份${escape(NOTICE_WORDS[notice.kind])}由平台签发，真实有效</p>
<dl><dt>告知书</dt><dd data-kind="${escape(notice.kind)}">${escape(NOTICE_WORDS[notice.kind])}</dd>
<dt>出具单位</dt><dd>${escape(issuer)}</dd>
<dt>出具时间</dt><dd>${escape(shanghaiTime(notice.issuedAt))}</dd>
<dt>核验码</dt><dd class="code">${escape(notice.verificationCode)}</dd></dl>
<p>纸质告知书上的办件编号、办理事项、出具单位与核验码应与本页一致。</p>
${progress(status, 'h2')}
${NOTE}`,
  );
}

export function statusNotFoundHtml(): string {
  return page('办件进度', '<h1>没有找到办件</h1><p>没有找到这个查询码对应的办件，请核对回执上的二维码或查询码，或持回执到受理窗口咨询。</p>');
}
