import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// A mentor's open mentorships (active or paused), kept on their offer by triggers, so that "has a
// place free" is a comparison of two columns of the offer. Suggestions read it for every offer
// they consider: counted from mentorships, that was a subquery per offer (thousands of offers for
// a common skill). As columns it can sit in the predicate of partial indexes, so the indexes of
// skills and of kinds of support hold only offers that may be suggested now (not paused, not
// full), and the statement never visits the rest.
//
// The count is kept by a trigger on mentorships (insert, delete, a change of status or mentor),
// and an offer written after its mentor's mentorships counts them as it is inserted. Accepting a
// request locks the offer row first; the trigger's update of that row happens in the same
// transaction, so counts cannot race. Lowering a capacity below the count is allowed (nobody is
// dropped), so there is no check that the count fits the capacity.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table mentor_offers add column open_mentorships integer not null default 0
    constraint mentor_offers_open_mentorships_not_negative check (open_mentorships >= 0)`.execute(db);
  await sql`
    update mentor_offers o
    set open_mentorships = (select count(*) from mentorships m where m.mentor_id = o.user_id and m.status <> 'CLOSED')
  `.execute(db);

  await sql`
    create function mentorships_count_open() returns trigger language plpgsql as $$
    declare
      leaving uuid; -- the mentor with one open mentorship fewer, if any
      joining uuid; -- the mentor with one more, if any
    begin
      if tg_op <> 'INSERT' then
        if old.status <> 'CLOSED' then leaving := old.mentor_id; end if;
      end if;
      if tg_op <> 'DELETE' then
        if new.status <> 'CLOSED' then joining := new.mentor_id; end if;
      end if;
      if leaving is not distinct from joining then return null; end if;
      if leaving is not null then
        update mentor_offers set open_mentorships = open_mentorships - 1 where user_id = leaving;
      end if;
      if joining is not null then
        update mentor_offers set open_mentorships = open_mentorships + 1 where user_id = joining;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger mentorships_count_open after insert or delete or update of status, mentor_id on mentorships
    for each row execute function mentorships_count_open()`.execute(db);

  await sql`
    create function mentor_offers_count_open() returns trigger language plpgsql as $$
    begin
      new.open_mentorships := (select count(*) from mentorships m where m.mentor_id = new.user_id and m.status <> 'CLOSED');
      return new;
    end $$`.execute(db);
  await sql`
    create trigger mentor_offers_count_open before insert on mentor_offers
    for each row execute function mentor_offers_count_open()`.execute(db);

  await sql`drop index mentor_offers_skills_idx`.execute(db);
  await sql`create index mentor_offers_open_skills_idx on mentor_offers using gin (skills)
    where paused_at is null and open_mentorships < capacity`.execute(db);
  await sql`create index mentor_offers_open_categories_idx on mentor_offers using gin (categories)
    where paused_at is null and open_mentorships < capacity`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index mentor_offers_open_categories_idx`.execute(db);
  await sql`drop index mentor_offers_open_skills_idx`.execute(db);
  await sql`create index mentor_offers_skills_idx on mentor_offers using gin (skills) where paused_at is null`.execute(
    db,
  );
  await sql`drop trigger mentor_offers_count_open on mentor_offers`.execute(db);
  await sql`drop function mentor_offers_count_open()`.execute(db);
  await sql`drop trigger mentorships_count_open on mentorships`.execute(db);
  await sql`drop function mentorships_count_open()`.execute(db);
  await sql`alter table mentor_offers drop column open_mentorships`.execute(db);
}
