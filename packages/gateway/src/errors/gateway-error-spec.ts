/** The registry entry of an HTTP error code: its status and a one-line title. */
export interface GatewayErrorSpec {
  readonly status: number;
  readonly title: string;
}
