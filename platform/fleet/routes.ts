import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../contract/platform/errors';
import {
  ActionAck,
  ActionRequest,
  Alert,
  ConfigChange,
  ConfigHistoryEntry,
  ConfigReport,
  FleetKey,
  FleetSettings,
  FleetTerminal,
  FleetTerminalDetail,
  Heartbeat,
  HeartbeatAnswer,
  HostUpdateFeed,
  Release,
  ReleaseChannel,
  ReleaseVersion,
  RemoteAction,
  SignedConfig,
} from '../../contract/platform/fleet';
import { TerminalId, TerminalKind } from '../../contract/platform/access';
import type { Caller } from '../core/caller';
import { forbidden, PlatformError } from '../core/errors';
import type { Fleet } from './fleet';
import { fleetPageHtml, fleetPageScript } from './page/fleet-page';
import { registerStaffPage } from '../staff-page/staff-page';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody };

function caller(request: FastifyRequest): Caller {
  if (!request.caller) throw new PlatformError(401, 'unauthenticated', 'this route needs a bearer token');
  return request.caller;
}

function terminal(request: FastifyRequest): Extract<Caller, { kind: 'terminal' }> {
  const who = caller(request);
  if (who.kind !== 'terminal') throw forbidden('only a terminal may do this');
  return who;
}

/** The fleet page is for a centre's administrators and technicians, not counter staff. */
function fleetStaff(request: FastifyRequest): Extract<Caller, { kind: 'staff' }> {
  const who = caller(request);
  if (who.kind !== 'staff' || (who.role !== 'centre-admin' && who.role !== 'technician')) {
    throw forbidden('only a centre administrator or technician may use the fleet page');
  }
  return who;
}

function centreAdmin(request: FastifyRequest): Extract<Caller, { kind: 'staff' }> {
  const who = fleetStaff(request);
  if (who.role !== 'centre-admin') throw forbidden('only a centre administrator may change fleet settings and configuration');
  return who;
}

const TerminalParams = z.object({ terminalId: TerminalId });
const ActionParams = z.object({ actionId: z.coerce.number().int().positive() });
/** Screenshots travel base64 in the acknowledgement: larger than the platform's usual JSON limit. */
const ACK_BODY_LIMIT = 8 * 1024 * 1024;
const RELEASE_BODY_LIMIT = 512 * 1024 * 1024;

export function registerFleetRoutes(app: FastifyInstance, fleet: Fleet): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // The terminal's side.
  r.put('/v1/terminals/me/heartbeat', {
    schema: { tags: ['fleet'], summary: "The calling terminal's heartbeat: device states, outbox, disk, memory, version", body: Heartbeat, response: { 200: HeartbeatAnswer, ...errors } },
    handler: async (request) => {
      const who = terminal(request);
      return fleet.service.heartbeat(who.centreId, who.id, who.terminalKind, request.body);
    },
  });

  r.get('/v1/terminals/me/actions', {
    config: { rateLimit: false },
    schema: {
      tags: ['fleet'],
      summary: 'Remote actions for the calling terminal after the id it last saw; waits up to waitSeconds for one',
      querystring: z.object({ after: z.coerce.number().int().nonnegative().default(0), waitSeconds: z.coerce.number().int().min(0).max(55).default(0) }),
      response: { 200: z.array(RemoteAction), ...errors },
    },
    handler: async (request) => {
      const who = terminal(request);
      const gone = new AbortController();
      request.raw.once('close', () => gone.abort());
      return fleet.actions.poll(who.id, request.query.after, request.query.waitSeconds * 1000, gone.signal);
    },
  });

  r.post('/v1/terminals/me/actions/:actionId/ack', {
    bodyLimit: ACK_BODY_LIMIT,
    schema: { tags: ['fleet'], summary: 'The terminal acknowledges a remote action with what it did', params: ActionParams, body: ActionAck, response: { 200: RemoteAction, ...errors } },
    handler: async (request) => fleet.actions.ack(terminal(request).id, request.params.actionId, request.body),
  });

  r.get('/v1/terminals/me/config', {
    schema: { tags: ['fleet'], summary: "The calling terminal's configuration from the platform, signed (Ed25519)", response: { 200: SignedConfig, ...errors } },
    handler: async (request) => {
      const who = terminal(request);
      return fleet.config.signedFor(who.centreId, who.id, who.terminalKind);
    },
  });

  r.post('/v1/terminals/me/config/report', {
    schema: { tags: ['fleet'], summary: 'What became of the configuration: applied, refused (and why) or rolled back', body: ConfigReport, response: { 204: z.undefined(), ...errors } },
    handler: async (request, reply) => {
      await fleet.config.report(terminal(request).id, request.body);
      return reply.status(204).send();
    },
  });

  r.get('/v1/fleet/key', {
    config: { public: true },
    schema: { tags: ['fleet'], summary: 'The public key configurations are signed with, to pin in a terminal at registration', security: [], response: { 200: FleetKey } },
    handler: async () => fleet.config.publicKey(),
  });

  // The centre's side.
  r.get('/v1/fleet/terminals', {
    schema: { tags: ['fleet'], summary: "The centre's terminals: status, devices, last heartbeat, version, open alerts", response: { 200: z.array(FleetTerminal), ...errors } },
    handler: async (request) => fleet.service.terminals(fleetStaff(request).centreId),
  });

  r.get('/v1/fleet/terminals/:terminalId', {
    schema: { tags: ['fleet'], summary: "One terminal's history, alerts and remote actions", params: TerminalParams, response: { 200: FleetTerminalDetail.extend({ configReports: z.array(ConfigReport.extend({ at: z.string() })) }), ...errors } },
    handler: async (request) => {
      const { centreId } = fleetStaff(request);
      const detail = await fleet.service.terminal(centreId, request.params.terminalId);
      return {
        ...detail,
        actions: await fleet.actions.list(centreId, request.params.terminalId),
        configReports: await fleet.config.reports(centreId, request.params.terminalId),
      };
    },
  });

  r.get('/v1/fleet/alerts', {
    schema: { tags: ['fleet'], summary: "The centre's open alerts", response: { 200: z.array(Alert), ...errors } },
    handler: async (request) => (await fleet.service.terminals(fleetStaff(request).centreId)).flatMap((t) => t.alerts),
  });

  r.post('/v1/fleet/terminals/:terminalId/actions', {
    schema: { tags: ['fleet'], summary: 'Ask a terminal to reload, restart, take a screenshot, or go out of / back into service', params: TerminalParams, body: ActionRequest, response: { 201: RemoteAction, ...errors } },
    handler: async (request, reply) => {
      const who = fleetStaff(request);
      return reply.status(201).send(await fleet.actions.request(who.centreId, request.params.terminalId, request.body, `${who.username} (${who.role})`));
    },
  });

  r.get('/v1/fleet/actions/:actionId/screenshot', {
    schema: { tags: ['fleet'], summary: 'The PNG a screenshot action brought back', params: ActionParams },
    handler: async (request, reply) => reply.type('image/png').header('cache-control', 'no-store').send(await fleet.actions.screenshot(fleetStaff(request).centreId, request.params.actionId)),
  });

  r.get('/v1/fleet/settings', {
    schema: { tags: ['fleet'], summary: "Who is told about the centre's alerts, and its opening hours", response: { 200: FleetSettings, ...errors } },
    handler: async (request) => fleet.service.settings(fleetStaff(request).centreId),
  });

  r.put('/v1/fleet/settings', {
    schema: { tags: ['fleet'], summary: 'Set the technician phone, the webhook and the opening hours', body: FleetSettings, response: { 200: FleetSettings, ...errors } },
    handler: async (request) => fleet.service.putSettings(centreAdmin(request).centreId, request.body),
  });

  r.put('/v1/fleet/config/roles/:role', {
    schema: { tags: ['fleet'], summary: 'Set the configuration profile of a role (kiosk, counter)', params: z.object({ role: TerminalKind }), body: ConfigChange, response: { 200: ConfigHistoryEntry, ...errors } },
    handler: async (request) => {
      const who = centreAdmin(request);
      return fleet.config.change(who.centreId, { role: request.params.role }, request.body.config, who.username);
    },
  });

  r.put('/v1/fleet/config/terminals/:terminalId', {
    schema: { tags: ['fleet'], summary: "Set one terminal's overrides over its role's profile", params: TerminalParams, body: ConfigChange, response: { 200: ConfigHistoryEntry, ...errors } },
    handler: async (request) => {
      const who = centreAdmin(request);
      return fleet.config.change(who.centreId, { terminalId: request.params.terminalId }, request.body.config, who.username);
    },
  });

  r.get('/v1/fleet/config/history', {
    schema: { tags: ['fleet'], summary: 'Who changed which configuration, when, and to what', response: { 200: z.array(ConfigHistoryEntry), ...errors } },
    handler: async (request) => fleet.config.history(fleetStaff(request).centreId),
  });

  // Updates: releases in, feeds out (each terminal sees the newest release its rollout includes).
  app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: RELEASE_BODY_LIMIT }, (_request, body, done) => done(null, body));
    const s = scope.withTypeProvider<ZodTypeProvider>();
    s.post('/v1/fleet/releases/:channel/:version', {
      bodyLimit: RELEASE_BODY_LIMIT,
      schema: {
        tags: ['fleet'],
        summary: 'Publish a release (the package as application/octet-stream) to a percentage of terminals',
        params: z.object({ channel: ReleaseChannel, version: ReleaseVersion }),
        querystring: z.object({ fileName: z.string().min(1).max(120), rolloutPercent: z.coerce.number().int().min(0).max(100).default(0) }),
        response: { 201: Release, ...errors },
      },
      handler: async (request, reply) => {
        centreAdmin(request);
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new PlatformError(415, 'unsupported-media-type', 'send the package as application/octet-stream', 'content-type');
        const { channel, version } = request.params;
        return reply.status(201).send(await fleet.updates.publish(channel, version, request.query.fileName, request.body, request.query.rolloutPercent));
      },
    });
  });

  r.put('/v1/fleet/releases/:channel/:version/rollout', {
    schema: { tags: ['fleet'], summary: 'Change the percentage of terminals a release goes to', params: z.object({ channel: ReleaseChannel, version: ReleaseVersion }), body: z.object({ percent: z.number().int().min(0).max(100) }), response: { 200: Release, ...errors } },
    handler: async (request) => {
      centreAdmin(request);
      return fleet.updates.rollout(request.params.channel, request.params.version, request.body.percent);
    },
  });

  r.get('/v1/fleet/releases/:channel', {
    schema: { tags: ['fleet'], summary: 'The releases of a channel, newest first', params: z.object({ channel: ReleaseChannel }), response: { 200: z.array(Release), ...errors } },
    handler: async (request) => {
      fleetStaff(request);
      return fleet.updates.list(request.params.channel);
    },
  });

  for (const name of ['latest.yml', 'latest-linux.yml']) {
    r.get(`/v1/updates/electron/${name}`, {
      schema: { tags: ['fleet'], summary: "electron-updater's generic provider feed for the calling terminal" },
      handler: async (request, reply) => reply.type('text/yaml; charset=utf-8').header('cache-control', 'no-store').send(await fleet.updates.electronFeed(terminal(request).id)),
    });
  }

  r.get('/v1/updates/chromium-host/latest.json', {
    schema: { tags: ['fleet'], summary: "The Chromium host's package feed for the calling terminal", response: { 200: HostUpdateFeed, ...errors } },
    handler: async (request, reply) => reply.header('cache-control', 'no-store').send(await fleet.updates.hostFeed(terminal(request).id)),
  });

  r.get('/v1/updates/:channel/files/:fileName', {
    schema: { tags: ['fleet'], summary: 'A release file', params: z.object({ channel: ReleaseChannel, fileName: z.string().regex(/^[A-Za-z0-9._-]{1,120}$/) }) },
    handler: async (request, reply) => {
      terminal(request);
      return reply.type('application/octet-stream').send(await fleet.updates.file(request.params.channel, request.params.fileName));
    },
  });

  registerStaffPage(app, '/fleet', fleetPageHtml, fleetPageScript);
}

