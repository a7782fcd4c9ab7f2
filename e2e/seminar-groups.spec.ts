import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './support/test';
import { PASSWORD, signUpViaApi, uniqueEmail } from './support/session';

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

test('[GROUPS] a facilitator creates a seminar, shares the invite link, and a newcomer joins through it', async ({
  browser,
}) => {
  const facilitatorContext = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const newcomerContext = await browser.newContext();
  const ada = await facilitatorContext.newPage();
  const bo = await newcomerContext.newPage();

  await signUpViaApi(ada, 'Ada Facilitator');
  await ada.goto('/library');
  await ada.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
  await expect(ada.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
  await ada.getByLabel('Group name').fill('x'.repeat(130));
  await ada.getByRole('button', { name: 'Create group' }).click();
  await expect(ada.getByRole('alert').filter({ hasText: /at most 80 characters/ })).toBeVisible();
  await ada.getByLabel('Group name').fill('Thursday close reading');
  await ada.getByRole('button', { name: 'Create group' }).click();
  await expect(ada.getByRole('heading', { level: 1, name: 'Thursday close reading' })).toBeVisible();
  const groupUrl = ada.url();
  expect(groupUrl).toMatch(/\/groups\/[0-9a-f-]{36}$/);

  const link = await ada.getByRole('textbox', { name: 'Invite link' }).inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/join\/[a-z2-7]{16}$/);
  await ada.getByRole('button', { name: 'Copy link' }).click();
  await expect(ada.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  expect(await ada.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expectNoSeriousA11yViolations(ada);

  // The newcomer opens the link signed out, creates an account, and comes back to join.
  await bo.goto(link);
  await expect(bo).toHaveURL(/\/sign-in\?next=%2Fjoin%2F/);
  await bo.getByRole('link', { name: 'Create an account' }).click();
  await bo.getByLabel('Name').fill('Bo Newcomer');
  await bo.getByLabel('Email').fill(uniqueEmail('Bo'));
  await bo.getByLabel('Password').fill(PASSWORD);
  await bo.getByRole('button', { name: 'Sign up' }).click();
  await expect(bo.getByRole('heading', { level: 1, name: 'Thursday close reading' })).toBeVisible();
  await expectNoSeriousA11yViolations(bo);
  await bo.getByRole('button', { name: 'Join group' }).click();
  await expect(bo).toHaveURL(groupUrl);
  await expect(bo.getByText(/You are a\s*Member/)).toBeVisible();
  await expect(bo.getByRole('textbox', { name: 'Invite link' })).toHaveCount(0);

  await ada.reload();
  const row = ada.getByRole('row', { name: /Bo Newcomer/ });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Member', exact: true })).toBeVisible();
  await expect(
    ada.getByRole('row', { name: /Ada Facilitator/ }).getByRole('cell', { name: 'Facilitator', exact: true }),
  ).toBeVisible();

  // Revoking the link: it stops working at once, with a message that says what to do.
  await ada.getByRole('button', { name: 'Revoke link' }).click();
  await ada.getByRole('button', { name: 'Turn off' }).click();
  await expect(ada.getByText(/The invite link is turned off/).first()).toBeVisible();
  await bo.goto(link);
  await expect(
    bo.getByText('This invite link is not valid any more. Ask your facilitator for a new one.'),
  ).toBeVisible();

  await facilitatorContext.close();
  await newcomerContext.close();
});

test('[GROUPS] a facilitator adds a group tag with its own colour and underline, and promotes a member', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const ada = await context.newPage();
  await signUpViaApi(ada, 'Ada Tagger');
  await ada.goto('/groups');
  await ada.getByLabel('Group name').fill('Tagging seminar');
  await ada.getByRole('button', { name: 'Create group' }).click();
  await expect(ada.getByRole('heading', { level: 1, name: 'Tagging seminar' })).toBeVisible();
  const link = await ada.getByRole('textbox', { name: 'Invite link' }).inputValue();

  const tagForm = ada.getByRole('region', { name: 'Add a tag' });
  await tagForm.getByLabel('Tag name').fill('Open question');
  await tagForm.getByLabel('Underline').selectOption('dotted');
  await tagForm.getByRole('button', { name: 'Add tag' }).click();
  const groupTags = ada.getByRole('list', { name: 'Group tags' });
  const tag = groupTags.getByRole('listitem').filter({ hasText: 'Open question' });
  await expect(tag).toContainText('dotted');
  await expect(tag.locator('mark')).toHaveCSS('text-decoration-style', 'dotted');

  await tagForm.getByLabel('Tag name').fill('open  QUESTION');
  await tagForm.getByRole('button', { name: 'Add tag' }).click();
  await expect(tagForm.getByRole('alert')).toHaveText(/already has a tag called “Open question”/);

  await groupTags.getByRole('button', { name: 'Retire Open question' }).click();
  await expect(tag).toContainText('Retired');
  await expect(tag.getByRole('button', { name: 'Restore Open question' })).toBeVisible();

  // a second reader joins by pasting the link into the code form; Ada promotes them
  const other = await browser.newContext();
  const cy = await other.newPage();
  await signUpViaApi(cy, 'Cy Reader');
  await cy.goto('/groups');
  await cy.getByLabel('Invite code or link').fill(link);
  await cy.getByRole('button', { name: 'Join group' }).click();
  await expect(cy.getByRole('heading', { level: 1, name: 'Tagging seminar' })).toBeVisible();

  await ada.reload();
  await ada.getByRole('button', { name: 'Make facilitator (Cy Reader)' }).click();
  await expect(
    ada.getByRole('row', { name: /Cy Reader/ }).getByRole('cell', { name: 'Facilitator', exact: true }),
  ).toBeVisible();
  await cy.reload();
  await expect(cy.getByRole('textbox', { name: 'Invite link' })).toBeVisible();
  await expectNoSeriousA11yViolations(cy);

  await context.close();
  await other.close();
});
