import type { FastifyInstance, FastifyReply } from 'fastify';
import { BookingRequest, CancelBookingRequest, TakeTicketRequest, TicketRating } from '../../contract/platform/visits';
import { PlatformError } from '../core/errors';
import { dayOf } from './centre-time';
import { publicWriteLimit } from './http';
import { bookedPageHtml, bookingPageHtml, cancelBookingPageHtml, livePageHtml, notFoundPageHtml, ticketPageHtml } from './pages';
import type { Visits } from './visits';

/** Like the public status page: own style, no script, forms to the same origin only, never cached or framed. */
function htmlHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .type('text/html; charset=utf-8')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex');
}

const TOKEN = /^[A-Za-z0-9_-]{22}$/;
type Form = Record<string, string>;

/** What went wrong, in the citizen's words, with the next step. */
function citizenWords(error: unknown): string {
  if (error instanceof PlatformError) {
    if (error.status === 429) return '操作太频繁，请过一分钟再试。';
    if (error.field === 'idNumber') return error.status === 409 ? '这个身份证号码已预约过这个事项，请按原预约时间到中心办理。' : '身份证号码不正确，请核对后重新填写。';
    if (error.field === 'slotStart') return error.message.includes('full') ? '这个时段刚刚约满，请选择其他时段。' : '这个时段已不能预约，请选择其他时段。';
    if (error.field === 'phone') return '手机号码应为 11 位数字，请核对后重新填写。';
    if (error.field === 'name') return '请填写姓名。';
    if (error.field === 'code' && error.code === 'conflict') return '这个预约已签到或已结束，不能再取消。如有疑问请到中心服务台咨询。';
    if (error.field === 'code' || (error.status === 404 && error.message.includes('booking'))) return '没有找到这个签到码的预约，请核对后重新填写。';
    if (error.field === 'level') return '请选择一个评价等级（1 到 5）。';
    if (error.field === 'serviceCode' || error.field === 'services') return '请选择要办理的事项。';
    if (error.code === 'conflict' && error.message.includes('postponed')) return '每个号只能推迟一次。';
    if (error.code === 'conflict') return '这个号已叫过或已结束，不能再这样操作。';
  }
  return '提交没有成功，请稍后再试，或到中心服务台咨询。';
}

/** A form's first failing field as the platform names it. */
function formProblem(issues: readonly { path: readonly PropertyKey[] }[]): PlatformError {
  const field = String(issues[0]?.path[0] ?? 'form');
  return new PlatformError(422, 'invalid-form', `${field} is invalid`, field);
}

export function registerVisitPages(app: FastifyInstance, visits: Visits): void {
  app.register(async (scope) => {
    // The pages post plain HTML forms; only in this scope, so the API keeps to JSON.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    scope.get<{ Params: { centreId: string }; Querystring: { service?: string; date?: string } }>(
      '/book/:centreId',
      { config: { public: true }, schema: { hide: true } },
      async (request, reply) => {
        const live = await visits.tickets.live(request.params.centreId).catch(() => undefined);
        if (!live) return htmlHeaders(reply.status(404)).send(notFoundPageHtml('没有找到这个服务中心。'));
        const input = {
          centreId: live.centreId,
          centreName: live.centreName,
          services: live.services.map((s) => ({ code: s.serviceCode, name: s.name })),
          today: dayOf(Date.parse(live.at), 'Asia/Shanghai'),
          service: request.query.service,
          date: request.query.date,
        };
        if (!request.query.service || !request.query.date) return htmlHeaders(reply).send(bookingPageHtml(input));
        try {
          const slots = await visits.appointments.slots(live.centreId, request.query.service, request.query.date);
          return htmlHeaders(reply).send(bookingPageHtml({ ...input, slots }));
        } catch (error) {
          return htmlHeaders(reply.status(error instanceof PlatformError ? error.status : 500)).send(bookingPageHtml({ ...input, error: citizenWords(error) }));
        }
      },
    );

    scope.post<{ Params: { centreId: string }; Body: Form }>('/book/:centreId', { config: { public: true, rateLimit: publicWriteLimit }, schema: { hide: true } }, async (request, reply) => {
      const live = await visits.tickets.live(request.params.centreId).catch(() => undefined);
      if (!live) return htmlHeaders(reply.status(404)).send(notFoundPageHtml('没有找到这个服务中心。'));
      const form = request.body ?? {};
      const services = live.services.map((s) => ({ code: s.serviceCode, name: s.name }));
      const today = dayOf(Date.parse(live.at), 'Asia/Shanghai');
      try {
        const parsed = BookingRequest.safeParse({ serviceCode: form.service, slotStart: form.slotStart, name: form.name, idNumber: form.idNumber?.toUpperCase(), phone: form.phone });
        if (!parsed.success) throw formProblem(parsed.error.issues);
        const booked = await visits.appointments.book(live.centreId, 'web', parsed.data);
        const { default: QRCode } = await import('qrcode');
        const svg = (await QRCode.toString(booked.code ?? '', { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })).replace('<svg ', '<svg width="200" height="200" aria-hidden="true" ');
        const name = services.find((s) => s.code === booked.serviceCode)?.name ?? booked.serviceCode;
        return htmlHeaders(reply.status(201)).send(bookedPageHtml(live.centreName, name, booked, svg));
      } catch (error) {
        const slots = form.service && form.date ? await visits.appointments.slots(live.centreId, form.service, form.date).catch(() => []) : undefined;
        return htmlHeaders(reply.status(error instanceof PlatformError ? error.status : 500)).send(
          bookingPageHtml({
            centreId: live.centreId,
            centreName: live.centreName,
            services,
            today,
            service: form.service,
            date: form.date,
            ...(slots ? { slots } : {}),
            error: citizenWords(error),
            entered: { name: form.name, idNumber: form.idNumber, phone: form.phone },
          }),
        );
      }
    });

    scope.get<{ Params: { centreId: string } }>('/book/:centreId/cancel', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
      const name = await visits.tickets.centreName(request.params.centreId);
      if (!name) return htmlHeaders(reply.status(404)).send(notFoundPageHtml('没有找到这个服务中心。'));
      return htmlHeaders(reply).send(cancelBookingPageHtml(request.params.centreId, name));
    });

    scope.post<{ Params: { centreId: string }; Body: Form }>(
      '/book/:centreId/cancel',
      { config: { public: true, rateLimit: publicWriteLimit }, schema: { hide: true } },
      async (request, reply) => {
        const { centreId } = request.params;
        const name = await visits.tickets.centreName(centreId);
        if (!name) return htmlHeaders(reply.status(404)).send(notFoundPageHtml('没有找到这个服务中心。'));
        try {
          const parsed = CancelBookingRequest.safeParse({ code: request.body?.code });
          if (!parsed.success) throw formProblem(parsed.error.issues);
          const cancelled = await visits.appointments.cancel(centreId, parsed.data.code);
          return htmlHeaders(reply).send(cancelBookingPageHtml(centreId, name, { cancelled, serviceName: await visits.tickets.serviceName(cancelled.serviceCode) }));
        } catch (error) {
          return htmlHeaders(reply.status(error instanceof PlatformError ? error.status : 500)).send(cancelBookingPageHtml(centreId, name, { error: citizenWords(error) }));
        }
      },
    );

    scope.get<{ Params: { centreId: string } }>('/live/:centreId', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
      const live = await visits.tickets.live(request.params.centreId).catch(() => undefined);
      if (!live) return htmlHeaders(reply.status(404)).send(notFoundPageHtml('没有找到这个服务中心。'));
      return htmlHeaders(reply).send(livePageHtml(live));
    });

    scope.post<{ Params: { centreId: string }; Body: Form }>('/live/:centreId/ticket', { config: { public: true, rateLimit: publicWriteLimit }, schema: { hide: true } }, async (request, reply) => {
      const form = request.body ?? {};
      try {
        const parsed = TakeTicketRequest.safeParse({ serviceCode: form.service, ...(form.phone ? { phone: form.phone } : {}) });
        if (!parsed.success) throw formProblem(parsed.error.issues);
        const ticket = await visits.tickets.take({ centreId: request.params.centreId, source: 'remote', services: [parsed.data.serviceCode!], phone: parsed.data.phone });
        return reply.redirect(new URL(ticket.link!).pathname, 303);
      } catch (error) {
        const live = await visits.tickets.live(request.params.centreId).catch(() => undefined);
        if (!live) return htmlHeaders(reply.status(404)).send(notFoundPageHtml('没有找到这个服务中心。'));
        return htmlHeaders(reply.status(error instanceof PlatformError ? error.status : 500)).send(livePageHtml(live, citizenWords(error)));
      }
    });

    const ticketPage = async (token: string, reply: FastifyReply, notice?: string, status = 200) => {
      const ticket = TOKEN.test(token) ? await visits.tickets.viewByToken(token).catch(() => undefined) : undefined;
      if (!ticket) return htmlHeaders(reply.status(404)).send(notFoundPageHtml('没有找到这个排队号。'));
      return htmlHeaders(reply.status(status)).send(ticketPageHtml(token, await visits.tickets.serviceName(ticket.serviceCode), ticket, notice));
    };
    scope.get<{ Params: { token: string } }>('/t/:token', { config: { public: true }, schema: { hide: true } }, async (request, reply) => ticketPage(request.params.token, reply));
    scope.post<{ Params: { token: string; action: string }; Body: Form }>(
      '/t/:token/:action',
      { config: { public: true, rateLimit: publicWriteLimit }, schema: { hide: true } },
      async (request, reply) => {
        const { token, action } = request.params;
        if (!TOKEN.test(token)) return ticketPage(token, reply);
        try {
          if (action === 'postpone') await visits.tickets.postpone(token);
          else if (action === 'cancel') await visits.tickets.cancel(token);
          else if (action === 'rate') {
            const level = TicketRating.safeParse({ level: Number(request.body?.level) });
            if (!level.success) throw formProblem(level.error.issues);
            await visits.tickets.rate(token, level.data.level);
          }
          else return ticketPage(token, reply);
          return reply.redirect(`/t/${token}`, 303);
        } catch (error) {
          return ticketPage(token, reply, citizenWords(error), error instanceof PlatformError ? error.status : 500);
        }
      },
    );
  });
}
