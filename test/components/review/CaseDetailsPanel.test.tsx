// The fairness record's read goes through useAsync: one that cannot be read is shown empty with
// the reason, can still be filled in, and a save replaces the reason with what was saved.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { CaseDetailsPanel } from '../../../src/ui/review/CaseDetailsPanel';
import type { CaseDetailsView, ReviewService } from '../../../src/app/review/types';

describe('CaseDetailsPanel', () => {
  it('shows a record that cannot be read as empty, with the reason, and saves over it', async () => {
    const saved: CaseDetailsView[] = [];
    const review: Pick<ReviewService, 'caseDetails' | 'saveCaseDetails'> = {
      caseDetails: jest.fn(async (): Promise<CaseDetailsView> => {
        throw new Error('The fairness record could not be read.');
      }),
      saveCaseDetails: async (_key, d) => {
        saved.push(d);
        // The outcome's case is not read by the panel.
        return { ok: true, case: undefined as never };
      },
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <CaseDetailsPanel review={review} personKey="mark" />
      </FluentProvider>,
    );
    expect((await screen.findByTestId('details-failure')).textContent).toContain(
      'The fairness record could not be read.',
    );
    expect(screen.getByTestId('fairness-adjustments').textContent).toContain('none recorded');
    fireEvent.click(screen.getByRole('button', { name: 'Edit fairness and letter details' }));
    fireEvent.change(screen.getByLabelText('Reasonable adjustments'), {
      target: { value: 'Large print' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    expect(saved).toEqual([{ fairness: { adjustments: 'Large print' }, letterFacts: {} }]);
    await waitFor(() =>
      expect(screen.getByTestId('fairness-adjustments').textContent).toContain('Large print'),
    );
    expect(screen.queryByTestId('details-failure')).toBeNull();
  });
});
