/**
 * What a module tells the safety module about one of its things that a person reported: where
 * the report goes and what it looked like then. Each module that holds reportable things exports
 * a `reportable…` function returning this (null when the viewer cannot see the thing), and, for
 * content that can be hidden, a `hide…` function the safety module calls inside its transaction.
 */
export interface ReportableSubject {
  /** The network whose stewards handle the report; null when the safety module decides. */
  networkId: string | null;
  /** The person responsible (the author, organiser or mentor); null when none or their account is gone. */
  personId: string | null;
  /** The thing as it is now, kept with the report so editing it away hides nothing. */
  snapshot: ReportSnapshot;
}

export interface ReportSnapshot {
  /** Its title or name. */
  title: string;
  /** Its words, as the reporter could see them; at most 20,000 characters. */
  text: string;
  /** Where it lives on Hearth, e.g. /events/<id>. */
  path: string | null;
}
