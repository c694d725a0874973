/** @originlink/gateway: createGateway(deps, config) and the server that runs it. */
export { createGateway, type Gateway, type GatewayDeps } from './create-gateway.js';
export type { GatewayConfig, TokenConfig, TlsConfig } from './config/gateway-config.js';
export { ConfigFileSchema, roles, type ConfigFile, type Role } from './config/config-schema.js';
export { loadConfig, resolveConfig, redactConfig, configEnv, type ConfigResult, type ConfigProblem, type ConfigOverrides } from './config/load-config.js';
export { parseDuration, formatDuration } from './config/duration.js';
export { gatewayErrors, GatewayError, type GatewayErrorCode } from './errors/gateway-errors.js';
export { exchangeCodes, type ExchangeCode } from './errors/exchange-codes.js';
export { hashToken } from './auth/token-auth.js';
export { runServer, type ServerOptions, type RunningServer } from './server.js';
export { claimReasonCodes, claimEffects, type ClaimReasonCode, type ClaimEffect, type ClaimReasonSpec } from './errors/claim-codes.js';
