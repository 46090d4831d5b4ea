/** A value already encoded as JSON text, passed through without parsing. */
export class RawJson {
  constructor(readonly text: string) {}
}
