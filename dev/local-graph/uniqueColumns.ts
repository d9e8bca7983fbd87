// How SharePoint answers, through Graph, a write that would duplicate a unique column's value.
// SharePoint raises Microsoft.SharePoint.SPDuplicateValuesFoundException (0x810200bf, shown by
// its REST API as "-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException" with a 500:
// https://github.com/pnp/PnP-Sites-Core/pull/608 catches it by that type name). Microsoft does not
// document what Graph turns it into; users report a 500 carrying that exception, a 400, and a
// 409 nameAlreadyExists. The default is the 500 (least forgiving: it looks like a server fault, and
// a client that treats 409 as "already there" learns nothing from it); behaviours.duplicateAnswer
// picks another (README.md, "Behaviours and their sources", row 7).
import type { Behaviours } from './behaviours';
import { GraphError } from './graphErrors';

const SP_EXCEPTION = '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException';

/** Thrown by the store; handleSites turns it into the answer the service is set to give. */
export class DuplicateValuesError extends GraphError {
  constructor(readonly columns: string[]) {
    super(500, 'generalException', duplicateMessage(columns, true));
  }

  /** The error as the chosen answer gives it. */
  answer(choice: Behaviours['duplicateAnswer']): GraphError {
    switch (choice) {
      case '400':
        return new GraphError(400, 'invalidRequest', duplicateMessage(this.columns, false));
      case '409':
        return new GraphError(409, 'nameAlreadyExists', duplicateMessage(this.columns, false));
      default:
        return new GraphError(500, 'generalException', duplicateMessage(this.columns, true));
    }
  }
}

function duplicateMessage(columns: string[], withType: boolean): string {
  const text = `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${columns.join(', ')}].`;
  return withType ? `${SP_EXCEPTION}: ${text}` : text;
}
