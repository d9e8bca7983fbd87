// The pane's Review tab loads the review service lazily: a failed load says so plainly with
// "Try again" (which loads again), rather than "Loading the review…" for ever.
import { act, screen } from '@testing-library/react';
import { ReviewView } from '../../../src/taskpane/views/ReviewView';
import { lazyService } from '../../../src/app/composition';
import type { ReviewService } from '../../../src/app/review/types';
import type { MailHost } from '../../../src/host/mailHost';
import { renderWithServices, testServices } from '../withServices';
import { FakeReviewService } from './fakeReviewService';

const host: MailHost = {
  kind: 'office',
  getCurrentMessage: async () => null,
  onMessageChanged: () => () => undefined,
  getTheme: () => 'light',
  onThemeChanged: () => () => undefined,
  getUser: () => ({ displayName: 'Helen Marsh', emailAddress: 'head@oakfield.sch.uk' }),
};

describe('the Review tab', () => {
  it('shows a failed load of the review in plain words, and Try again loads it', async () => {
    let fail = true;
    const load = jest.fn(async (): Promise<ReviewService> => {
      // A failed chunk fetch, or Graph refusing: its own words may name a person or a URL.
      if (fail) throw new Error('Loading chunk review-service failed for head@oakfield.sch.uk');
      return new FakeReviewService();
    });
    renderWithServices(<ReviewView />, testServices({ host, review: lazyService(load) }));
    const failure = await screen.findByTestId('async-error');
    expect(failure.textContent).toContain('The review could not be loaded.');
    expect(failure.textContent).not.toContain('head@oakfield.sch.uk');
    expect(screen.queryByText('Loading the review…')).toBeNull();
    fail = false;
    act(() => screen.getByRole('button', { name: 'Try again' }).click());
    expect((await screen.findByTestId('review')).getAttribute('data-layout')).toBe('pane');
    expect(screen.queryByTestId('async-error')).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
