/**
 * Preloaded (`node --import`) into a gateway process by end-to-end tests that need days to pass,
 * such as a verification request becoming overdue: moves Date.now, which the gateway takes as its
 * clock, forward by ORIGINLINK_TEST_CLOCK_OFFSET_MS milliseconds. Never used outside tests.
 */
const offset = Number(process.env['ORIGINLINK_TEST_CLOCK_OFFSET_MS'] ?? '0');
if (Number.isFinite(offset) && offset !== 0) {
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + offset;
}

export {};
