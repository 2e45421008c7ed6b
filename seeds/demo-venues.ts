import { DEMO_VENUES, NAMED_HOLDERS, type Cost, type VenueSpec } from './demo-venue-words.ts';
import { addDays, daysBetween, type Random } from './random.ts';

// The demo's venues: each network's shared directory of places to meet, so the venues page and an
// event's choice of venue have something real to show. Places are the kind a UK charity network
// actually uses (a library's community room, a church hall, a café's back room, a co-working
// floor, a university seminar room), most of them free, because free rooms are what organisers
// struggle to find and what the directory is for. Their accessibility varies as buildings do: a
// café up two steps, a loft with no lift, a library with everything.
//
// The words are in demo-venue-words.ts; the generator picks who holds each venue's relationship among the
// network's current organisers and stewards, and dates each row between the holder joining and
// the reference date. The README's accounts hold one each (Amara in Leeds, Priya in Bristol, Rhys
// in Cardiff), so their data export shows the section. One Leeds venue is archived.

export const DEMO_VENUE_SEED = 20_261_204;

export interface DemoVenue {
  id: string;
  network_id: string;
  name: string;
  address: string;
  step_free_access: boolean;
  accessible_toilet: boolean;
  hearing_loop: boolean;
  quiet_room: boolean;
  capacity: number | null;
  cost: Cost;
  relationship_holder_id: string | null;
  notes: string;
  created_at: Date;
  updated_at: Date;
  archived_at: Date | null;
}

export interface VenuePeople {
  users: ReadonlyArray<{ id: string; email: string }>;
  networks: ReadonlyArray<{ id: string; slug: string; created_at: Date }>;
  memberships: ReadonlyArray<{
    network_id: string;
    user_id: string;
    role: string;
    joined_at: Date;
    left_at: Date | null;
  }>;
}

type Keeper = VenuePeople['memberships'][number];

/** Every demo network's venues as rows; the same people and generator give the same rows. */
export function buildDemoVenues(people: VenuePeople, random: Random, reference: Date): DemoVenue[] {
  const ids = new Map(people.users.map((user) => [user.email, user.id]));
  return people.networks.flatMap((network) => {
    const keepers = people.memberships.filter(
      (m) => m.network_id === network.id && m.left_at === null && (m.role === 'ORGANISER' || m.role === 'STEWARD'),
    );
    return (DEMO_VENUES[network.slug] ?? []).map((spec) => {
      const keeper = holderOf(spec, keepers, ids, random, network.slug);
      return venueRow(spec, network, keeper, random, reference);
    });
  });
}

function holderOf(
  spec: VenueSpec,
  keepers: readonly Keeper[],
  ids: ReadonlyMap<string, string>,
  random: Random,
  slug: string,
): Keeper | null {
  if (spec.holder === 'nobody') return null;
  if (spec.holder === 'someone') {
    // The README's accounts hold only the venue the story gives them, so their exports show one each.
    const named = new Set(NAMED_HOLDERS.map((holder) => ids.get(holder.email)));
    const others = keepers.filter((m) => !named.has(m.user_id));
    return random.pick(others.length > 0 ? others : keepers);
  }
  const id = ids.get(spec.holder.email);
  const keeper = keepers.find((m) => m.user_id === id);
  // The story promises this person holds a venue here: fail loudly if the demo's people moved.
  if (!keeper) throw new Error(`${spec.holder.email} is not a current organiser or steward of ${slug}`);
  return keeper;
}

/** The venue added some time after its network began (and its holder joined), perhaps edited or archived since. */
function venueRow(
  spec: VenueSpec,
  network: VenuePeople['networks'][number],
  keeper: Keeper | null,
  random: Random,
  reference: Date,
): DemoVenue {
  const from = keeper && keeper.joined_at > network.created_at ? keeper.joined_at : network.created_at;
  const created = addDays(from, 1 + Math.max(0, daysBetween(from, reference) - 3) * random.next());
  const laterOn = () => addDays(created, Math.max(0, daysBetween(created, reference) - 1) * random.next());
  const archived = spec.archived ? laterOn() : null;
  const updated = archived ?? (random.chance(0.4) ? laterOn() : created);
  return {
    id: random.uuidV7(created),
    network_id: network.id,
    name: spec.name,
    address: spec.address,
    step_free_access: spec.stepFree,
    accessible_toilet: spec.toilet,
    hearing_loop: spec.loop,
    quiet_room: spec.quiet,
    capacity: spec.capacity,
    cost: spec.cost,
    relationship_holder_id: keeper?.user_id ?? null,
    notes: spec.notes,
    created_at: created,
    updated_at: updated,
    archived_at: archived,
  };
}
