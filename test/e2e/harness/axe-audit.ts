import AxeBuilder from '@axe-core/playwright';
import { writeFile } from 'node:fs/promises';
import type { Page, TestInfo } from '@playwright/test';
import { attachScreenshot, SHOT_SIZES, SHOT_THEMES } from './screenshots';

export type Theme = 'light' | 'dark';
export interface AuditSize {
  width: number;
  height: number;
}

/** The window sizes every screen is checked at: a laptop and a small window. */
export const AUDIT_SIZES: readonly AuditSize[] = SHOT_SIZES;
export const AUDIT_THEMES: readonly Theme[] = SHOT_THEMES;

export interface AuditCount {
  screen: string;
  theme: Theme;
  size: string;
  serious: number;
  critical: number;
  /** Moderate and minor findings, reported but not failing the suite (heading order, regions…). */
  other: Record<string, number>;
  /** rule id → number of nodes, for the serious and critical ones. */
  rules: Record<string, number>;
}

/**
 * Runs axe-core (WCAG 2.x A/AA and best-practice rules) on what the page shows now, in both
 * themes (the app's 'system' theme follows prefers-color-scheme) and at both sizes. Returns the
 * serious/critical counts and attaches the full result and a screenshot of each state to the run.
 */
export async function auditScreen(page: Page, testInfo: TestInfo, screen: string, settle?: () => Promise<void>): Promise<AuditCount[]> {
  const counts: AuditCount[] = [];
  for (const size of AUDIT_SIZES) {
    await page.setViewportSize(size);
    for (const theme of AUDIT_THEMES) {
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await settle?.();
      // Let layout, transitions and the virtualized list settle after the resize.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const rules: Record<string, number> = {};
      for (const v of bad) rules[`${v.id} (${v.impact})`] = v.nodes.length;
      const label = `${screen} ${theme} ${size.width}x${size.height}`;
      counts.push({
        screen,
        theme,
        size: `${size.width}x${size.height}`,
        serious: bad.filter((v) => v.impact === 'serious').reduce((n, v) => n + v.nodes.length, 0),
        critical: bad.filter((v) => v.impact === 'critical').reduce((n, v) => n + v.nodes.length, 0),
        rules,
        other: Object.fromEntries(results.violations.filter((v) => !bad.includes(v)).map((v) => [`${v.id} (${v.impact})`, v.nodes.length])),
      });
      const report = testInfo.outputPath(`axe-${label.replace(/[^\w.-]+/g, '-')}.json`);
      const findings = bad.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
      }));
      await writeFile(report, JSON.stringify(findings, null, 2));
      await testInfo.attach(`axe ${label}.json`, { path: report, contentType: 'application/json' });
      await attachScreenshot(page, testInfo, label);
    }
  }
  return counts;
}
