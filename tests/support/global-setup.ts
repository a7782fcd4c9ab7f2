// Integration tests need the template database that `npm test` prepares.
export default function setup() {
  if (!process.env.TEST_SERVER_URL || !process.env.TEST_TEMPLATE_DB) {
    throw new Error(
      'Integration tests run through `npm test` (or `npm test -- integration`), which prepares their database template.',
    );
  }
}
