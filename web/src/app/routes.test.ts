import { describe, expect, it } from 'vitest';
import { screensFor } from './routes';

const paths = (...roles: Parameters<typeof screensFor>[0]) => screensFor(roles).map((s) => s.path);

describe('who reaches the mailroom, visitor and report screens', () => {
  it('gives each role the screens its API routes allow, and no others', () => {
    expect(paths('reception')).toEqual(expect.arrayContaining(['/post/desk', '/post/outgoing']));
    expect(paths('reception')).not.toContain('/post/settings');
    expect(paths('reception')).not.toContain('/visitors/privacy');
    expect(paths('reception')).not.toContain('/visitors/report');
    expect(paths('office-manager')).toEqual(expect.arrayContaining(['/post/outgoing', '/post/settings', '/visitors/privacy', '/visitors/report']));
    expect(paths('management')).toContain('/visitors/report');
    // management reads budget and visitors reports; listing expenses is the office manager's alone
    expect(paths('management')).not.toContain('/expenses');
    expect(paths('management')).not.toContain('/visitors/privacy');
    expect(paths('staff')).not.toContain('/post/outgoing');
    expect(paths('staff')).toContain('/post/mine');
  });
});
