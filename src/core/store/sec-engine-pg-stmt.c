/* sec-engine-pg-stmt.c: the PostgreSQL engine's statements
 *
 * SQLite's ?1 placeholders become $1; each statement is prepared on the
 * server once per connection, under a name cached here, for the types of
 * its parameters; a write inside a transaction, and a read the first time
 * it runs, runs under a savepoint of its own (see sec-engine-pg.c); rows
 * are read from the result, columns converted from the server's text.
 */
#define G_LOG_DOMAIN "sec-engine"

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <string.h>

/* Names of its own for sec-engine.h's functions (sec-engine-class.h). */
#define SEC_ENGINE_PREFIX pg
#include "core/store/sec-engine-class.h"
#include "core/store/sec-engine-pg-private.h"
#include "core/base/sec-fold.h"
#include "core/store/sec-store-error.h"

/* Type oids (catalog/pg_type_d.h is not installed for clients). */
#define BOOL_OID    16
#define BYTEA_OID   17
#define INT8_OID    20
#define INT2_OID    21
#define INT4_OID    23
#define TEXT_OID    25
#define FLOAT4_OID  700
#define FLOAT8_OID  701
#define NUMERIC_OID 1700


typedef struct {
  Oid     type;      /* 0: unknown (text the server types), or INT8, FLOAT8, BYTEA */
  char   *data;      /* NULL for SQL NULL */
  int     length;
} Param;

struct _SecStmt
{
  const SecEngineClass *klass; /* first: sec-engine-dispatch.c reads it */
  SecEngine  *engine;
  char       *sql;          /* with $1 placeholders */
  gboolean    is_insert;    /* "RETURNING *" added: rows hidden, id kept */
  gboolean    is_write;     /* changes rows: counted in sec_engine_changes () */
  gboolean    ran;          /* has run once without failing */
  guint       n_params;
  Param      *params;
  PGresult   *result;       /* once run */
  int         row;          /* the current row, -1 before the first */
  SecStmtCacheMark mark;    /* whether it lives in the cache, and is given out */
};

struct _SecValue
{
  Oid     type;
  gboolean is_null;
  GBytes *bytes;  /* the text, or a bytea's bytes */
};

/* Statements */

/* @sql with ?N (and bare ?) as $N, outside quotes; sets *@n_params to the
 * highest number. */
static char *
convert_placeholders (const char *sql,
                      guint      *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  char quote = 0;
  guint max = 0;

  for (const char *p = sql; *p; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
          g_string_append_c (out, *p);
        }
      else if (*p == '\'' || *p == '"')
        {
          quote = *p;
          g_string_append_c (out, *p);
        }
      else if (*p == '?')
        {
          guint n = 0;

          while (g_ascii_isdigit (p[1]))
            n = n * 10 + (guint) (*++p - '0');
          if (n == 0)
            n = max + 1;
          max = MAX (max, n);
          g_string_append_printf (out, "$%u", n);
        }
      else
        g_string_append_c (out, *p);
    }
  *n_params = max;
  return g_string_free (out, FALSE);
}

/* The first word of @sql, upper-cased. */
static char *
first_word (const char *sql)
{
  const char *start = sql;
  const char *end;

  while (g_ascii_isspace (*start) || *start == '(')
    start++;
  for (end = start; g_ascii_isalpha (*end); end++)
    ;
  return g_ascii_strup (start, end - start);
}

static gboolean
contains_word (const char *sql,
               const char *word)
{
  g_autofree char *upper = g_ascii_strup (sql, -1);

  return strstr (upper, word) != NULL;
}

static SecStmt *
stmt_new (SecEngine  *engine,
          const char *sql)
{
  SecStmt *s = g_new0 (SecStmt, 1);
  g_autofree char *verb = first_word (sql);
  g_autofree char *converted = NULL;
  g_autoptr(GString) text = g_string_new (sql);

  if (strstr (sql, "COLLATE sec_locale") != NULL)
    {
      g_autofree char *collate = g_strconcat ("COLLATE ", engine->collation, NULL);
      g_string_replace (text, "COLLATE sec_locale", collate, 0);
    }
  converted = convert_placeholders (text->str, &s->n_params);

  s->klass = &_sec_engine_pg_class;
  s->engine = engine;
  s->params = g_new0 (Param, s->n_params + 1);
  s->row = -1;
  s->is_write = !g_str_equal (verb, "SELECT");
  s->is_insert = g_str_equal (verb, "INSERT") && !contains_word (sql, "RETURNING");
  if (s->is_insert)
    {
      g_strchomp (converted);
      if (g_str_has_suffix (converted, ";"))
        converted[strlen (converted) - 1] = '\0';
      s->sql = g_strconcat (converted, " RETURNING *", NULL);
    }
  else
    s->sql = g_steal_pointer (&converted);
  return s;
}

static void
clear_params (SecStmt *stmt)
{
  for (guint i = 0; i < stmt->n_params; i++)
    {
      g_clear_pointer (&stmt->params[i].data, g_free);
      stmt->params[i].type = 0;
    }
}

static void
reset (SecStmt *stmt)
{
  g_clear_pointer (&stmt->result, PQclear);
  stmt->row = -1;
}

void
_sec_engine_pg_finalize_statement (gpointer data)
{
  SecStmt *s = data;

  reset (s);
  clear_params (s);
  g_free (s->params);
  g_free (s->sql);
  g_free (s);
}

/* Where a statement holds its SecStmtCacheMark: the struct is this
 * file's. */
gsize
_sec_engine_pg_stmt_mark_offset (void)
{
  return G_STRUCT_OFFSET (SecStmt, mark);
}

/* A SecStmtCachePrepare: the statement is prepared on the server when it
 * first runs (with its parameters' types). */
static gpointer
prepare_statement (gpointer     engine,
                   const char  *sql,
                   GError     **error)
{
  return stmt_new (engine, sql);
}

SecStmt *
sec_engine_prepare (SecEngine   *engine,
                    const char  *sql,
                    GError     **error)
{
  g_return_val_if_fail (sql != NULL, NULL);

  if (!_sec_engine_pg_check_open (engine, error))
    return NULL;
  return sec_stmt_cache_take (engine->statements, sql, prepare_statement, engine, error);
}

SecStmt *
sec_engine_prepare_once (SecEngine   *engine,
                         const char  *sql,
                         GError     **error)
{
  g_return_val_if_fail (sql != NULL, NULL);

  if (!_sec_engine_pg_check_open (engine, error))
    return NULL;
  return stmt_new (engine, sql);
}

void
sec_stmt_free (SecStmt *stmt)
{
  if (stmt == NULL)
    return;
  if (sec_stmt_cache_give_back (&stmt->mark))
    {
      reset (stmt);
      clear_params (stmt);
      return;
    }
  _sec_engine_pg_finalize_statement (stmt);
}

static Param *
param (SecStmt *stmt,
       int      index)
{
  g_return_val_if_fail (index >= 1 && (guint) index <= stmt->n_params, NULL);

  /* Binding again after a run starts the statement afresh, as SQLite's
   * reset does. */
  reset (stmt);
  g_clear_pointer (&stmt->params[index - 1].data, g_free);
  return &stmt->params[index - 1];
}

void
sec_stmt_bind_int64 (SecStmt *stmt,
                     int      index,
                     gint64   value)
{
  Param *p = param (stmt, index);

  if (p == NULL)
    return;
  p->type = INT8_OID;
  p->data = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  p->length = (int) strlen (p->data);
}

void
sec_stmt_bind_double (SecStmt *stmt,
                      int      index,
                      double   value)
{
  Param *p = param (stmt, index);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (p == NULL)
    return;
  p->type = FLOAT8_OID;
  p->data = g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
  p->length = (int) strlen (p->data);
}

void
sec_stmt_bind_text (SecStmt    *stmt,
                    int         index,
                    const char *text)
{
  Param *p = param (stmt, index);

  if (p == NULL)
    return;
  p->type = 0;
  p->data = g_strdup (text);
  p->length = text ? (int) strlen (text) : 0;
}

void
sec_stmt_bind_blob (SecStmt *stmt,
                    int      index,
                    GBytes  *bytes)
{
  Param *p = param (stmt, index);
  gsize size;
  const char *data;

  if (p == NULL)
    return;
  p->type = BYTEA_OID;
  if (bytes == NULL)
    return;
  data = g_bytes_get_data (bytes, &size);
  /* An empty blob is a value, not NULL. */
  p->data = g_malloc (size + 1);
  if (size > 0)
    memcpy (p->data, data, size);
  p->length = (int) size;
}

void
sec_stmt_bind_null (SecStmt *stmt,
                    int      index)
{
  Param *p = param (stmt, index);

  if (p != NULL)
    p->type = 0;
}

/* Whether preparing again with other parameter types may help: the server
 * could not type a parameter, or an int8 met a text column. */
static gboolean
is_typing_error (PGresult *res)
{
  const char *state = PQresultErrorField (res, PG_DIAG_SQLSTATE);

  return state != NULL &&
         (g_str_equal (state, "42P18") || g_str_equal (state, "42883") ||
          g_str_equal (state, "42725") || g_str_equal (state, "42804"));
}

/* The parameter types for attempt @attempt: 0, as bound; 1, every text as
 * text; 2, everything but bytea left to the server. */
static Oid
param_type (const Param *p,
            int          attempt)
{
  if (p->type == BYTEA_OID)
    return BYTEA_OID;
  if (attempt == 1 && p->type == 0 && p->data != NULL)
    return TEXT_OID;
  if (attempt == 2)
    return 0;
  return p->type;
}

/* Inside a transaction a failed statement would abort the whole of it;
 * SQLite undoes only the statement. The savepoint gives the same. */
static gboolean
in_transaction (SecEngine *engine)
{
  return PQtransactionStatus (engine->conn) == PQTRANS_INTRANS;
}

static void
simple (SecEngine  *engine,
        const char *sql)
{
  PQclear (PQexec (engine->conn, sql));
}

/* SQLite lets "COLLATE sec_locale" follow an expression that turns out to
 * be a number (a derived column sorted by: a count), and ignores it; the
 * server refuses. When it does, @stmt's SQL loses the clause: TRUE if it
 * had one to lose. */
static gboolean
drop_collation (SecStmt  *stmt,
                PGresult *failure)
{
  const char *state = PQresultErrorField (failure, PG_DIAG_SQLSTATE);
  const char *message = PQresultErrorField (failure, PG_DIAG_MESSAGE_PRIMARY);
  g_autofree char *clause = g_strconcat (" COLLATE ", stmt->engine->collation, NULL);
  g_autoptr(GString) sql = NULL;

  if (g_strcmp0 (state, "42804") != 0 || message == NULL || strstr (message, "collation") == NULL ||
      strstr (stmt->sql, clause) == NULL)
    return FALSE;
  sql = g_string_new (stmt->sql);
  g_string_replace (sql, clause, "", 0);
  g_free (stmt->sql);
  stmt->sql = g_string_free (g_steal_pointer (&sql), FALSE);
  return TRUE;
}

/* The name of @stmt's server statement for its current parameter types,
 * prepared when first needed; NULL with *@failure set (to clear) if it
 * cannot be. @savepoint: a savepoint to go back to after a failed attempt
 * inside a transaction. (transfer none) */
static const char *
server_statement (SecStmt    *stmt,
                  gboolean    savepoint,
                  PGresult  **failure)
{
  SecEngine *engine = stmt->engine;
  g_autofree Oid *types = g_new0 (Oid, stmt->n_params + 1);

  for (int attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr(GString) key = g_string_new (NULL);
      const char *name;
      char *new_name;
      PGresult *res;

      for (guint i = 0; i < stmt->n_params; i++)
        {
          types[i] = param_type (&stmt->params[i], attempt);
          g_string_append_printf (key, "%u,", types[i]);
        }
      g_string_append_c (key, '\n');
      g_string_append (key, stmt->sql);
      if ((name = g_hash_table_lookup (engine->prepared, key->str)) != NULL)
        return name;
      new_name = g_strdup_printf ("sec%u", ++engine->n_prepared);
      res = PQprepare (engine->conn, new_name, stmt->sql, (int) stmt->n_params, types);
      if (PQresultStatus (res) == PGRES_COMMAND_OK)
        {
          PQclear (res);
          g_hash_table_insert (engine->prepared, g_string_free (g_steal_pointer (&key), FALSE), new_name);
          return new_name;
        }
      g_free (new_name);
      if (drop_collation (stmt, res))
        {
          /* The same attempt again, without the collation. */
          PQclear (res);
          if (savepoint)
            simple (engine, "ROLLBACK TO SAVEPOINT sec_statement");
          attempt--;
          continue;
        }
      if (attempt == 2 || !is_typing_error (res))
        {
          *failure = res;
          return NULL;
        }
      PQclear (res);
      if (savepoint)
        simple (engine, "ROLLBACK TO SAVEPOINT sec_statement");
    }
  return NULL;
}

/* Runs the statement with its parameters; the rows wait in stmt->result. */
static gboolean
execute (SecStmt  *stmt,
         GError  **error)
{
  SecEngine *engine = stmt->engine;
  /* A read that has run before is not expected to fail: it goes without
   * a savepoint's two round trips (a third of the time of a list). */
  gboolean savepoint = in_transaction (engine) && (stmt->is_write || !stmt->ran);
  g_autofree const char **values = g_new0 (const char *, stmt->n_params + 1);
  g_autofree int *lengths = g_new0 (int, stmt->n_params + 1);
  g_autofree int *formats = g_new0 (int, stmt->n_params + 1);
  PGresult *failure = NULL;
  PGresult *res;
  const char *name;
  ExecStatusType status;

  if (!_sec_engine_pg_check_open (engine, error))
    return FALSE;
  if (savepoint)
    simple (engine, "SAVEPOINT sec_statement");
  if ((name = server_statement (stmt, savepoint, &failure)) == NULL)
    {
      _sec_engine_pg_set_error (engine, failure, error);
      g_debug ("%s: %s", engine->last_message, stmt->sql);
      PQclear (failure);
      if (savepoint)
        simple (engine, "ROLLBACK TO SAVEPOINT sec_statement; RELEASE SAVEPOINT sec_statement");
      return FALSE;
    }
  for (guint i = 0; i < stmt->n_params; i++)
    {
      values[i] = stmt->params[i].data;
      lengths[i] = stmt->params[i].length;
      formats[i] = stmt->params[i].type == BYTEA_OID ? 1 : 0;
    }
  res = PQexecPrepared (engine->conn, name, (int) stmt->n_params, values, lengths, formats, 0);
  status = PQresultStatus (res);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      _sec_engine_pg_set_error (engine, res, error);
      g_debug ("%s: %s", engine->last_message, stmt->sql);
      PQclear (res);
      if (savepoint)
        simple (engine, "ROLLBACK TO SAVEPOINT sec_statement; RELEASE SAVEPOINT sec_statement");
      return FALSE;
    }
  if (savepoint)
    simple (engine, "RELEASE SAVEPOINT sec_statement");
  stmt->ran = TRUE;
  if (stmt->is_write)
    engine->changes = g_ascii_strtoll (PQcmdTuples (res), NULL, 10);
  if (stmt->is_insert)
    {
      int id_col = PQfnumber (res, "id");
      int n = PQntuples (res);

      if (id_col >= 0 && n > 0)
        engine->last_insert_id = g_ascii_strtoll (PQgetvalue (res, n - 1, id_col), NULL, 10);
      /* The rows were asked for the id only. */
      PQclear (res);
      res = NULL;
    }
  stmt->result = res;
  return TRUE;
}

SecStep
sec_stmt_step (SecStmt  *stmt,
               GError  **error)
{
  if (stmt->row == -1)
    {
      if (!execute (stmt, error))
        return SEC_STEP_ERROR;
    }
  stmt->row++;
  if (stmt->result == NULL || stmt->row >= PQntuples (stmt->result))
    {
      stmt->row = PQntuples (stmt->result);
      return SEC_STEP_DONE;
    }
  return SEC_STEP_ROW;
}

gboolean
sec_stmt_run (SecStmt  *stmt,
              GError  **error)
{
  SecStep step;

  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    ;
  return step == SEC_STEP_DONE;
}

/* Columns */

static gboolean
has_value (SecStmt *stmt,
           int      col)
{
  return stmt->result != NULL && stmt->row >= 0 && stmt->row < PQntuples (stmt->result) &&
         col >= 0 && col < PQnfields (stmt->result) && !PQgetisnull (stmt->result, stmt->row, col);
}

int
sec_stmt_n_columns (SecStmt *stmt)
{
  if (stmt->result == NULL && stmt->row == -1 && !stmt->is_insert)
    {
      /* SQLite knows the columns before the first step; the server says
       * them once asked. */
      PGresult *res = NULL;
      const char *name = server_statement (stmt, FALSE, &res);

      if (name == NULL)
        {
          PQclear (res);
          return 0;
        }
      res = PQdescribePrepared (stmt->engine->conn, name);
      if (PQresultStatus (res) == PGRES_COMMAND_OK)
        {
          int n = PQnfields (res);
          PQclear (res);
          return n;
        }
      PQclear (res);
      return 0;
    }
  return stmt->result != NULL ? PQnfields (stmt->result) : 0;
}

const char *
sec_stmt_column_name (SecStmt *stmt,
                      int      col)
{
  return stmt->result != NULL ? PQfname (stmt->result, col) : NULL;
}

gboolean
sec_stmt_is_null (SecStmt *stmt,
                  int      col)
{
  return !has_value (stmt, col);
}

gint64
sec_stmt_get_int64 (SecStmt *stmt,
                    int      col)
{
  const char *text;
  Oid type;

  if (!has_value (stmt, col))
    return 0;
  text = PQgetvalue (stmt->result, stmt->row, col);
  type = PQftype (stmt->result, col);
  if (type == BOOL_OID)
    return text[0] == 't';
  if (type == FLOAT4_OID || type == FLOAT8_OID || type == NUMERIC_OID)
    return (gint64) g_ascii_strtod (text, NULL);
  return g_ascii_strtoll (text, NULL, 10);
}

int
sec_stmt_get_int (SecStmt *stmt,
                  int      col)
{
  return (int) sec_stmt_get_int64 (stmt, col);
}

double
sec_stmt_get_double (SecStmt *stmt,
                     int      col)
{
  if (!has_value (stmt, col))
    return 0;
  if (PQftype (stmt->result, col) == BOOL_OID)
    return PQgetvalue (stmt->result, stmt->row, col)[0] == 't';
  return g_ascii_strtod (PQgetvalue (stmt->result, stmt->row, col), NULL);
}

const char *
sec_stmt_get_text (SecStmt *stmt,
                   int      col)
{
  if (!has_value (stmt, col))
    return NULL;
  if (PQftype (stmt->result, col) == BOOL_OID)
    return PQgetvalue (stmt->result, stmt->row, col)[0] == 't' ? "1" : "0";
  return PQgetvalue (stmt->result, stmt->row, col);
}

char *
sec_stmt_dup_text (SecStmt *stmt,
                   int      col)
{
  const char *text = sec_stmt_get_text (stmt, col);

  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

GBytes *
sec_stmt_dup_blob (SecStmt *stmt,
                   int      col)
{
  const char *text;
  unsigned char *data;
  size_t size = 0;
  GBytes *bytes;

  if (!has_value (stmt, col))
    return NULL;
  text = PQgetvalue (stmt->result, stmt->row, col);
  if (PQftype (stmt->result, col) != BYTEA_OID)
    return g_bytes_new (text, strlen (text));
  data = PQunescapeBytea ((const unsigned char *) text, &size);
  if (data == NULL)
    return NULL;
  bytes = g_bytes_new (data, size);
  PQfreemem (data);
  return bytes;
}

/* A SecValue keeps the column's type with its text (or bytes), so that
 * binding it again gives the server the same value. */
SecValue *
sec_stmt_dup_value (SecStmt *stmt,
                    int      col)
{
  SecValue *value = g_new0 (SecValue, 1);

  value->is_null = !has_value (stmt, col);
  if (value->is_null)
    return value;
  value->type = PQftype (stmt->result, col);
  if (value->type == BYTEA_OID)
    value->bytes = sec_stmt_dup_blob (stmt, col);
  else
    {
      const char *text = sec_stmt_get_text (stmt, col);
      value->bytes = g_bytes_new (text, strlen (text));
    }
  return value;
}

void
sec_stmt_bind_value (SecStmt  *stmt,
                     int       index,
                     SecValue *value)
{
  g_autofree char *text = NULL;

  if (value->is_null)
    {
      sec_stmt_bind_null (stmt, index);
      return;
    }
  if (value->type == BYTEA_OID)
    {
      sec_stmt_bind_blob (stmt, index, value->bytes);
      return;
    }
  {
    /* An empty GBytes has no data pointer: "" is still text, not NULL. */
    const char *data = g_bytes_get_data (value->bytes, NULL);
    text = g_strndup (data != NULL ? data : "", g_bytes_get_size (value->bytes));
  }
  switch (value->type)
    {
    case BOOL_OID:
    case INT2_OID:
    case INT4_OID:
    case INT8_OID:
      sec_stmt_bind_int64 (stmt, index, g_ascii_strtoll (text, NULL, 10));
      break;
    case FLOAT4_OID:
    case FLOAT8_OID:
      sec_stmt_bind_double (stmt, index, g_ascii_strtod (text, NULL));
      break;
    default:
      sec_stmt_bind_text (stmt, index, text);
      break;
    }
}

void
sec_value_free (SecValue *value)
{
  if (value == NULL)
    return;
  g_clear_pointer (&value->bytes, g_bytes_unref);
  g_free (value);
}

const SecEngineClass _sec_engine_pg_class = {
  .name = "postgresql",
  .kind = SEC_ENGINE_POSTGRESQL,
  .engine_watch = _sec_engine_pg_watch,
  SEC_ENGINE_CLASS_FUNCTIONS
};
