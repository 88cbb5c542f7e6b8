/** API tokens: only SHA-256 hashes are stored (src/api/auth.ts makes and hashes the secrets). */
import type { Kysely } from 'kysely';
import { ROLES, type Role, type TokenRecord } from '../records.js';
import type { ApiTokensTable, Database } from '../schema.js';
import type { TokenRepository } from '../store.js';
import { audit } from './review.js';

const toToken = (r: ApiTokensTable): TokenRecord => ({
  id: r.id,
  name: r.name,
  role: r.role as Role,
  created_at: r.created_at,
  revoked_at: r.revoked_at,
});

export function tokenRepository(db: Kysely<Database>): TokenRepository {
  return {
    async findByHash(hash) {
      const r = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
      return r ? toToken(r) : undefined;
    },
    async create({ id, name, role, hash }) {
      if (!ROLES.includes(role)) throw new Error(`unknown role ${role}`);
      const row = { id, name, role, token_hash: hash, created_at: new Date().toISOString(), revoked_at: null };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('api_tokens').values(row).execute();
        await audit(trx, { actor: 'system', action: 'create_token', entity_type: 'api_token', entity_id: id, after: { name, role } });
      });
      return toToken(row);
    },
    async list() {
      return (await db.selectFrom('api_tokens').selectAll().orderBy('created_at').execute()).map(toToken);
    },
    async revoke(id) {
      return db.transaction().execute(async (trx) => {
        const res = await trx
          .updateTable('api_tokens')
          .set({ revoked_at: new Date().toISOString() })
          .where('id', '=', id)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        const done = Number(res.numUpdatedRows) > 0;
        if (done) await audit(trx, { actor: 'system', action: 'revoke_token', entity_type: 'api_token', entity_id: id });
        return done;
      });
    },
  };
}
