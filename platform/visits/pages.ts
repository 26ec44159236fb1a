import type { AppointmentView, LiveQueue, Slot, TicketView } from '../../contract/platform/visits';
import { addDays, clockOf } from './centre-time';

/**
 * The public pages of visits, plain HTML without script (a phone's browser, a slow network):
 * the booking page, the live page of a centre, and the page of one ticket. Nothing personal is
 * shown but what the citizen entered, masked.
 */

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const ZONE = 'Asia/Shanghai';

const STYLE = `body{font-family:'Noto Sans CJK SC',sans-serif;margin:0;padding:1rem;line-height:1.6;font-size:18px;color:#1a1a1a;background:#fff}
main{max-width:40rem;margin:0 auto}h1{font-size:1.6rem}label{display:block;font-weight:bold;margin-top:.8rem}
input,select{font-size:18px;padding:.5rem;min-height:48px;box-sizing:border-box;width:100%;border:1px solid #555;border-radius:4px}
input[type=radio]{width:auto;min-height:auto;margin-right:.5rem}
button,.button{display:inline-block;font-size:18px;min-height:48px;min-width:48px;padding:.5rem 1.2rem;margin:.8rem .5rem 0 0;background:#0b4f8a;color:#fff;border:0;border-radius:4px;text-decoration:none}
button.secondary{background:#fff;color:#0b4f8a;border:2px solid #0b4f8a}
fieldset{border:1px solid #777;border-radius:4px;margin-top:1rem}.slot{display:block;padding:.4rem 0}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.5rem;border-bottom:1px solid #999}
.number{font-size:3rem;font-weight:bold;color:#0b4f8a}.error{color:#a00000;font-weight:bold;border-left:4px solid #a00000;padding-left:.6rem}
.note{color:#333;font-size:1rem}dt{font-weight:bold}dd{margin:0 0 .6rem}`;

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN" translate="no"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

const when = (isoTime: string) => {
  const at = Date.parse(isoTime);
  const [, m, d] = new Date(at + 8 * 3_600_000).toISOString().slice(0, 10).split('-').map(Number);
  return `${m}月${d}日 ${clockOf(at, ZONE)}`;
};

export interface ServiceChoice {
  code: string;
  name: string;
}

function serviceOptions(services: ServiceChoice[], chosen?: string): string {
  return services.map((s) => `<option value="${escape(s.code)}"${s.code === chosen ? ' selected' : ''}>${escape(s.name)}</option>`).join('');
}

export interface BookingPageInput {
  centreId: string;
  centreName: string;
  services: ServiceChoice[];
  today: string;
  service?: string;
  date?: string;
  slots?: Slot[];
  error?: string;
  /** What the citizen typed, given back after an error (never shown in any other page). */
  entered?: { name?: string; idNumber?: string; phone?: string };
}

/** 预约: the service and day, then the slots of that day and the booker's details. */
export function bookingPageHtml(input: BookingPageInput): string {
  const days = Array.from({ length: 7 }, (_, i) => addDays(input.today, i));
  const choose = `<form method="get" action="/book/${escape(input.centreId)}">
<label for="service">办理事项</label><select id="service" name="service">${serviceOptions(input.services, input.service)}</select>
<label for="date">日期</label><select id="date" name="date">${days.map((d) => `<option value="${d}"${d === input.date ? ' selected' : ''}>${d}</option>`).join('')}</select>
<button type="submit">查看可预约时段</button></form>`;
  let book = '';
  if (input.slots) {
    const open = input.slots.filter((s) => s.free > 0);
    book =
      open.length === 0
        ? '<h2>没有可预约的时段</h2><p>这一天已约满或不办公，请换一天或换一个事项。</p>'
        : `<h2>选择时段并填写信息</h2><form method="post" action="/book/${escape(input.centreId)}">
<input type="hidden" name="service" value="${escape(input.service ?? '')}"><input type="hidden" name="date" value="${escape(input.date ?? '')}">
<fieldset><legend>时段</legend>${open
            .map(
              (s, i) =>
                `<label class="slot"><input type="radio" name="slotStart" value="${escape(s.start)}"${i === 0 ? ' checked' : ''}>${escape(clockOf(Date.parse(s.start), ZONE))}–${escape(clockOf(Date.parse(s.end), ZONE))}（余 ${s.free} 个）</label>`,
            )
            .join('')}</fieldset>
<label for="name">姓名</label><input id="name" name="name" autocomplete="name" required maxlength="40" value="${escape(input.entered?.name ?? '')}">
<label for="idNumber">身份证号码</label><input id="idNumber" name="idNumber" required maxlength="18" inputmode="text" autocomplete="off" value="${escape(input.entered?.idNumber ?? '')}">
<label for="phone">手机号码</label><input id="phone" name="phone" type="tel" required maxlength="11" autocomplete="tel" value="${escape(input.entered?.phone ?? '')}">
<button type="submit">提交预约</button></form>`;
  }
  const error = input.error ? `<p class="error" role="alert">${escape(input.error)}</p>` : '';
  return page(
    `预约 · ${input.centreName}`,
    `<h1>预约办事</h1><p>${escape(input.centreName)}</p>${error}${choose}${book}<p class="note">预约时段开始前 30 分钟内，请带身份证到中心自助机签到；迟到超过规定时间，预约自动取消。</p>`,
  );
}

/** The booking made: what, when, who (masked), and the code to check in with. */
export function bookedPageHtml(centreName: string, serviceName: string, booked: AppointmentView, qrSvg: string): string {
  return page(
    '预约成功',
    `<h1>预约成功</h1><dl><dt>办理事项</dt><dd>${escape(serviceName)}</dd><dt>时间</dt><dd>${escape(when(booked.slotStart))}–${escape(clockOf(Date.parse(booked.slotEnd), ZONE))}</dd>
<dt>地点</dt><dd>${escape(centreName)}</dd><dt>预约人</dt><dd>${escape(booked.nameMasked)} ${escape(booked.idNumberMasked)}</dd><dt>手机</dt><dd>${escape(booked.phoneMasked)}</dd>
<dt>签到码</dt><dd data-testid="booking-code">${escape(booked.code ?? '')}</dd></dl>
<figure aria-label="签到二维码">${qrSvg}</figure>
<p class="note">请截图保存本页。到中心后在自助机上刷身份证或扫描此二维码签到。前一天会短信提醒您。</p>
<p><a class="button" href="/book/${escape(booked.centreId)}/cancel">不能来了？取消预约</a></p>`,
  );
}

/** 取消预约: the booking's code, typed (or kept from the booking page), frees the slot. */
export function cancelBookingPageHtml(centreId: string, centreName: string, outcome?: { error: string } | { cancelled: AppointmentView; serviceName: string }): string {
  if (outcome && 'cancelled' in outcome) {
    return page(
      '预约已取消',
      `<h1>预约已取消</h1><dl><dt>办理事项</dt><dd>${escape(outcome.serviceName)}</dd><dt>时间</dt><dd>${escape(when(outcome.cancelled.slotStart))}</dd><dt>地点</dt><dd>${escape(centreName)}</dd></dl>
<p data-testid="booking-cancelled">这个时段已释放给其他人。需要时可以重新预约。</p><p><a class="button" href="/book/${escape(centreId)}">重新预约</a></p>`,
    );
  }
  const error = outcome ? `<p class="error" role="alert">${escape(outcome.error)}</p>` : '';
  return page(
    `取消预约 · ${centreName}`,
    `<h1>取消预约</h1><p>${escape(centreName)}</p>${error}<form method="post" action="/book/${escape(centreId)}/cancel">
<label for="code">签到码（预约成功页面上的 12 位字母数字）</label><input id="code" name="code" required minlength="8" maxlength="32" autocomplete="off">
<button type="submit">取消这个预约</button></form><p class="note">取消后时段会释放给其他人。已经签到的预约不能在这里取消，请到窗口说明。</p>`,
  );
}

const TICKET_WORDS: Record<TicketView['status'], string> = {
  waiting: '排队中',
  called: '已叫号，请到窗口办理',
  done: '已办理',
  cancelled: '已取消',
};

/** One ticket: its number, its place and wait, and what the citizen may do with it. */
export function ticketPageHtml(token: string, serviceName: string, ticket: TicketView, notice?: string): string {
  const action = (what: string) => `/t/${escape(token)}/${what}`;
  const parts = [`<h1>排队号</h1><p class="number" data-testid="ticket-number">${escape(ticket.number)}</p>`];
  if (notice) parts.push(`<p class="error" role="alert">${escape(notice)}</p>`);
  parts.push(`<dl><dt>办理事项</dt><dd>${escape(serviceName)}</dd><dt>状态</dt><dd data-status="${ticket.status}">${escape(TICKET_WORDS[ticket.status])}${ticket.window ? `（${escape(ticket.window)}）` : ''}</dd>`);
  if (ticket.status === 'waiting') {
    parts.push(`<dt>前面还有</dt><dd data-testid="ahead">${ticket.ahead} 位</dd><dt>预计等候</dt><dd>约 ${ticket.estimatedWaitMinutes} 分钟</dd>`);
  }
  if (ticket.phoneMasked) parts.push(`<dt>短信通知</dt><dd>${escape(ticket.phoneMasked)}</dd>`);
  parts.push('</dl>');
  if (ticket.canPostpone) parts.push(`<form method="post" action="${action('postpone')}"><button type="submit">推迟一次（排到队尾）</button></form>`);
  if (ticket.status === 'waiting') parts.push(`<form method="post" action="${action('cancel')}"><button type="submit" class="secondary">取消排队</button></form>`);
  if (ticket.status === 'done' && ticket.rating === null) {
    const levels = ['非常不满意', '不满意', '基本满意', '满意', '非常满意'];
    parts.push(
      `<form method="post" action="${action('rate')}"><fieldset><legend>请评价本次服务</legend>${levels
        .map((word, i) => `<label class="slot"><input type="radio" name="level" value="${i + 1}"${i === 4 ? ' checked' : ''}>${word}</label>`)
        .join('')}</fieldset><button type="submit">提交评价</button></form>`,
    );
  }
  if (ticket.rating !== null) parts.push(`<p data-testid="rated">感谢您的评价。</p>`);
  parts.push(`<p><a class="button" href="/t/${escape(token)}">刷新</a></p><p class="note">本页不显示个人信息。请勿把链接转给他人。</p>`);
  return page(`排队号 ${ticket.number}`, parts.join(''));
}

/** A centre's live page: who waits per service and how long, and taking a number from afar. */
export function livePageHtml(live: LiveQueue, error?: string): string {
  const rows = live.services
    .map((s) => `<tr data-service="${escape(s.serviceCode)}"><th scope="row">${escape(s.name)}</th><td>${s.waiting}</td><td>约 ${s.estimatedWaitMinutes} 分钟</td></tr>`)
    .join('');
  const services = live.services.map((s) => ({ code: s.serviceCode, name: s.name }));
  return page(
    `排队情况 · ${live.centreName}`,
    `<h1>排队情况</h1><p>${escape(live.centreName)} 更新于 ${escape(clockOf(Date.parse(live.at), ZONE))}</p>
<table><caption>各事项排队人数和预计等候时间</caption><thead><tr><th scope="col">办理事项</th><th scope="col">排队人数</th><th scope="col">预计等候</th></tr></thead><tbody>${rows}</tbody></table>
<p><a class="button" href="/live/${escape(live.centreId)}">刷新</a> <a class="button" href="/book/${escape(live.centreId)}">预约办事</a></p>
<h2>远程取号</h2>${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}<form method="post" action="/live/${escape(live.centreId)}/ticket">
<label for="service">办理事项</label><select id="service" name="service">${serviceOptions(services)}</select>
<label for="phone">手机号码（快到您时短信通知）</label><input id="phone" name="phone" type="tel" maxlength="11" autocomplete="tel">
<button type="submit">取号</button></form>`,
  );
}

export function notFoundPageHtml(what: string): string {
  return page('没有找到', `<h1>没有找到</h1><p>${escape(what)}请核对链接，或到中心服务台咨询。</p>`);
}
