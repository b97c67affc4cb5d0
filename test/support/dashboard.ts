import type { Page } from 'playwright-core';
import { STAFF_PASSWORD } from './staff';

/** Opens the dashboard and signs in as a staff user made by givenStaff; resolves once the header names them. */
export async function signInToDashboard(page: Page, apiUrl: string, email: string): Promise<void> {
  await page.goto(`${apiUrl}/admin/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#who').filter({ hasText: email }).waitFor();
}
