// Contact events: the Record of Evidence's vocabularies, model and form rules. Pure.
export * from './vocabulary';
export * from './contactEvent';
