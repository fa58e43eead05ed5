/* sec-engine-class.h: how the engine line (sec-engine.h) reaches an engine
 *
 * Private to the engines and sec-engine-dispatch.c. Each engine file defines the
 * functions of sec-engine.h under names of its own: it defines
 * SEC_ENGINE_PREFIX (sqlite, pg) before including this header, which
 * renames every function of sec-engine.h it declares, and ends with its
 * SecEngineClass. sec-engine-dispatch.c defines the functions under their public
 * names and hands each call to the engine the connection belongs to: the
 * first member of every engine's SecEngine and SecStmt is its class.
 */
#pragma once

#ifdef SEC_ENGINE_PREFIX
#define SEC_ENGINE_NAME3(p, x) _sec_engine_##p##_##x
#define SEC_ENGINE_NAME2(p, x) SEC_ENGINE_NAME3 (p, x)
#define SEC_ENGINE_NAME(x) SEC_ENGINE_NAME2 (SEC_ENGINE_PREFIX, x)
#define sec_engine_open SEC_ENGINE_NAME (engine_open)
#define sec_engine_close SEC_ENGINE_NAME (engine_close)
#define sec_engine_exec SEC_ENGINE_NAME (engine_exec)
#define sec_engine_last_insert_id SEC_ENGINE_NAME (engine_last_insert_id)
#define sec_engine_changes SEC_ENGINE_NAME (engine_changes)
#define sec_engine_get_schema_version SEC_ENGINE_NAME (engine_get_schema_version)
#define sec_engine_count_tables SEC_ENGINE_NAME (engine_count_tables)
#define sec_engine_has_table SEC_ENGINE_NAME (engine_has_table)
#define sec_engine_check_integrity SEC_ENGINE_NAME (engine_check_integrity)
#define sec_engine_check_writable SEC_ENGINE_NAME (engine_check_writable)
#define sec_engine_configure SEC_ENGINE_NAME (engine_configure)
#define sec_engine_set_foreign_keys SEC_ENGINE_NAME (engine_set_foreign_keys)
#define sec_engine_apply_migration SEC_ENGINE_NAME (engine_apply_migration)
#define sec_engine_backup_to_full SEC_ENGINE_NAME (engine_backup_to_full)
#define sec_engine_retake_locks SEC_ENGINE_NAME (engine_retake_locks)
#define sec_engine_file_in_use SEC_ENGINE_NAME (engine_file_in_use)
#define sec_engine_list_foreign_keys SEC_ENGINE_NAME (engine_list_foreign_keys)
#define sec_engine_get_failed_constraint SEC_ENGINE_NAME (engine_get_failed_constraint)
#define sec_engine_get_error_message SEC_ENGINE_NAME (engine_get_error_message)
#define sec_engine_prepare SEC_ENGINE_NAME (engine_prepare)
#define sec_engine_prepare_once SEC_ENGINE_NAME (engine_prepare_once)
#define sec_stmt_free SEC_ENGINE_NAME (stmt_free)
#define sec_stmt_bind_int64 SEC_ENGINE_NAME (stmt_bind_int64)
#define sec_stmt_bind_double SEC_ENGINE_NAME (stmt_bind_double)
#define sec_stmt_bind_text SEC_ENGINE_NAME (stmt_bind_text)
#define sec_stmt_bind_blob SEC_ENGINE_NAME (stmt_bind_blob)
#define sec_stmt_bind_null SEC_ENGINE_NAME (stmt_bind_null)
#define sec_stmt_step SEC_ENGINE_NAME (stmt_step)
#define sec_stmt_run SEC_ENGINE_NAME (stmt_run)
#define sec_stmt_dup_value SEC_ENGINE_NAME (stmt_dup_value)
#define sec_stmt_bind_value SEC_ENGINE_NAME (stmt_bind_value)
#define sec_stmt_n_columns SEC_ENGINE_NAME (stmt_n_columns)
#define sec_stmt_column_name SEC_ENGINE_NAME (stmt_column_name)
#define sec_stmt_is_null SEC_ENGINE_NAME (stmt_is_null)
#define sec_stmt_get_int64 SEC_ENGINE_NAME (stmt_get_int64)
#define sec_stmt_get_int SEC_ENGINE_NAME (stmt_get_int)
#define sec_stmt_get_double SEC_ENGINE_NAME (stmt_get_double)
#define sec_stmt_get_text SEC_ENGINE_NAME (stmt_get_text)
#define sec_stmt_dup_text SEC_ENGINE_NAME (stmt_dup_text)
#define sec_stmt_dup_blob SEC_ENGINE_NAME (stmt_dup_blob)
#define sec_value_free SEC_ENGINE_NAME (value_free)
#endif

#include "core/store/sec-engine.h"

/* Frees the strings of a SecForeignKey: the clear function of the array
 * sec_engine_list_foreign_keys () returns, whatever the engine. */
void _sec_engine_clear_foreign_key (gpointer data);

G_BEGIN_DECLS

typedef struct {
  const char *name;
  SecEngineKind kind;

  SecEngine  *(*engine_open)              (const char *path, SecEngineOpenFlags flags, GError **error);
  void        (*engine_close)             (SecEngine *engine);
  gboolean    (*engine_exec)              (SecEngine *engine, const char *sql, GError **error);
  gint64      (*engine_last_insert_id)    (SecEngine *engine);
  gint64      (*engine_changes)           (SecEngine *engine);
  gboolean    (*engine_get_schema_version)(SecEngine *engine, int *version, GError **error);
  gboolean    (*engine_count_tables)      (SecEngine *engine, int *n_tables, GError **error);
  gboolean    (*engine_has_table)         (SecEngine *engine, const char *table, gboolean *has_table, GError **error);
  gboolean    (*engine_check_integrity)   (SecEngine *engine, GError **error);
  gboolean    (*engine_check_writable)    (SecEngine *engine, GError **error);
  gboolean    (*engine_configure)         (SecEngine *engine, GError **error);
  gboolean    (*engine_set_foreign_keys)  (SecEngine *engine, gboolean enforce, GError **error);
  gboolean    (*engine_apply_migration)   (SecEngine *engine, const char *sql, int version, GError **error);
  gboolean    (*engine_backup_to_full)    (SecEngine *engine, const char *dest, SecProgressFunc progress,
                                          gpointer progress_data, GCancellable *cancellable, GError **error);
  void        (*engine_retake_locks)      (SecEngine *engine);
  gboolean    (*engine_file_in_use)       (const char *path);
  GArray     *(*engine_list_foreign_keys) (SecEngine *engine, GError **error);
  SecConstraint (*engine_get_failed_constraint) (SecEngine *engine, char **column);
  const char *(*engine_get_error_message) (SecEngine *engine);
  /* NULL for an engine without notifications (SQLite). */
  gboolean    (*engine_watch)             (SecEngine *engine, const char *channel,
                                           SecEngineWatchFunc func, gpointer user_data, GError **error);
  /* NULL for an engine without a page cache of its own (PostgreSQL). */
  gint64      (*engine_get_cache_used)    (SecEngine *engine);
  void        (*engine_release_memory)    (SecEngine *engine);
  /* NULL for an engine whose indexes stay as they are (PostgreSQL). */
  GStrv       (*engine_drop_indexes_on)   (SecEngine *engine, const char *table, const char *column,
                                           GError **error);
  SecStmt    *(*engine_prepare)           (SecEngine *engine, const char *sql, GError **error);
  SecStmt    *(*engine_prepare_once)      (SecEngine *engine, const char *sql, GError **error);

  void        (*stmt_free)                (SecStmt *stmt);
  void        (*stmt_bind_int64)          (SecStmt *stmt, int index, gint64 value);
  void        (*stmt_bind_double)         (SecStmt *stmt, int index, double value);
  void        (*stmt_bind_text)           (SecStmt *stmt, int index, const char *text);
  void        (*stmt_bind_blob)           (SecStmt *stmt, int index, GBytes *bytes);
  void        (*stmt_bind_null)           (SecStmt *stmt, int index);
  SecStep     (*stmt_step)                (SecStmt *stmt, GError **error);
  gboolean    (*stmt_run)                 (SecStmt *stmt, GError **error);
  SecValue   *(*stmt_dup_value)           (SecStmt *stmt, int col);
  void        (*stmt_bind_value)          (SecStmt *stmt, int index, SecValue *value);
  int         (*stmt_n_columns)           (SecStmt *stmt);
  const char *(*stmt_column_name)         (SecStmt *stmt, int col);
  gboolean    (*stmt_is_null)             (SecStmt *stmt, int col);
  gint64      (*stmt_get_int64)           (SecStmt *stmt, int col);
  int         (*stmt_get_int)             (SecStmt *stmt, int col);
  double      (*stmt_get_double)          (SecStmt *stmt, int col);
  const char *(*stmt_get_text)            (SecStmt *stmt, int col);
  char       *(*stmt_dup_text)            (SecStmt *stmt, int col);
  GBytes     *(*stmt_dup_blob)            (SecStmt *stmt, int col);
  void        (*value_free)               (SecValue *value);
} SecEngineClass;

/* Fills a class with an engine's functions, under the names this header
 * gave them (in an engine file, after SEC_ENGINE_PREFIX). */
#define SEC_ENGINE_CLASS_FUNCTIONS \
  .engine_open = sec_engine_open, .engine_close = sec_engine_close,                   \
  .engine_exec = sec_engine_exec, .engine_last_insert_id = sec_engine_last_insert_id, \
  .engine_changes = sec_engine_changes,                                               \
  .engine_get_schema_version = sec_engine_get_schema_version,                         \
  .engine_count_tables = sec_engine_count_tables, .engine_has_table = sec_engine_has_table, \
  .engine_check_integrity = sec_engine_check_integrity,                               \
  .engine_check_writable = sec_engine_check_writable,                                 \
  .engine_configure = sec_engine_configure,                                           \
  .engine_set_foreign_keys = sec_engine_set_foreign_keys,                             \
  .engine_apply_migration = sec_engine_apply_migration,                               \
  .engine_backup_to_full = sec_engine_backup_to_full, .engine_retake_locks = sec_engine_retake_locks, \
  .engine_file_in_use = sec_engine_file_in_use,                                       \
  .engine_list_foreign_keys = sec_engine_list_foreign_keys,                           \
  .engine_get_failed_constraint = sec_engine_get_failed_constraint,                   \
  .engine_get_error_message = sec_engine_get_error_message,                           \
  .engine_prepare = sec_engine_prepare, .engine_prepare_once = sec_engine_prepare_once, \
  .stmt_free = sec_stmt_free, .stmt_bind_int64 = sec_stmt_bind_int64,                 \
  .stmt_bind_double = sec_stmt_bind_double, .stmt_bind_text = sec_stmt_bind_text,     \
  .stmt_bind_blob = sec_stmt_bind_blob, .stmt_bind_null = sec_stmt_bind_null,         \
  .stmt_step = sec_stmt_step, .stmt_run = sec_stmt_run,                               \
  .stmt_dup_value = sec_stmt_dup_value, .stmt_bind_value = sec_stmt_bind_value,       \
  .stmt_n_columns = sec_stmt_n_columns, .stmt_column_name = sec_stmt_column_name,     \
  .stmt_is_null = sec_stmt_is_null, .stmt_get_int64 = sec_stmt_get_int64,             \
  .stmt_get_int = sec_stmt_get_int, .stmt_get_double = sec_stmt_get_double,           \
  .stmt_get_text = sec_stmt_get_text, .stmt_dup_text = sec_stmt_dup_text,             \
  .stmt_dup_blob = sec_stmt_dup_blob, .value_free = sec_value_free,

extern const SecEngineClass _sec_engine_sqlite_class;
#ifdef HAVE_LIBPQ
extern const SecEngineClass _sec_engine_pg_class;
#endif

G_END_DECLS
