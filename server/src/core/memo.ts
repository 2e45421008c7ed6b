/**
 * Values kept for the rest of one request, so fields whose loaders run side by side share one
 * read instead of each making its own (a network's member count, activity and lifecycle
 * suggestion all come from one statement). A memo lives exactly as long as its request.
 */
export class RequestMemo {
  readonly #byKey = new Map<string, Map<string, Promise<Map<string, unknown>>>>();

  /**
   * Values for `ids` under `key`: ids not asked for before in this request are fetched in one
   * call; ids already asked for share the earlier call's result.
   */
  async batch<V>(
    key: string,
    ids: readonly string[],
    fetch: (missing: readonly string[]) => Promise<Map<string, V>>,
  ): Promise<Map<string, V>> {
    let pending = this.#byKey.get(key);
    if (!pending) this.#byKey.set(key, (pending = new Map()));
    const missing = [...new Set(ids)].filter((id) => !pending.has(id));
    if (missing.length > 0) {
      const fetched = fetch(missing) as Promise<Map<string, unknown>>;
      for (const id of missing) pending.set(id, fetched);
    }
    const batches = await Promise.all(new Set(ids.map((id) => pending.get(id)!)));
    const found = new Map<string, V>();
    for (const batch of batches) for (const [id, value] of batch) found.set(id, value as V);
    return found;
  }

  /** Forgets everything, after a change that may have altered what was read. */
  clear(): void {
    this.#byKey.clear();
  }
}
