/* take-screenshots.c: the window on the demo database, section by section
 *
 * Usage: take-screenshots OUTPUT-DIR [--text-scale=1.5]
 *
 * Renders the main window for each section at a normal (1200×800) and a
 * narrow (360×720) size into OUTPUT-DIR/<section>-wide.png and
 * <section>-narrow.png, for the metainfo and for looking at before a
 * change goes in. The narrow shots show the list, except for the first
 * section, which shows the record. It needs a display (build-aux/dev
 * screenshots runs it under Xvfb); not a test.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cli/sec-demo.h"
#include "ui/meetings/sec-agenda-window.h"
#include "ui/meetings/sec-checkin-window.h"
#include "ui/meetings/sec-email-dialog.h"
#include "ui/meetings/sec-export-dialog.h"
#include "ui/meetings/sec-minutes-window.h"
#include "ui/funding/sec-portfolio-window.h"
#include "core/store/sec-store-private.h"
#include "ui/shell/sec-deleted-dialog.h"
#include "ui/shell/sec-privacy-dialog.h"
#include "ui/shell/sec-window.h"
#include "ui/widgets/sec-document-preview.h"

static const char *const sections[] = {
  "meetings", "past-meetings", "organisations", "people", "bodies", "calls", "statements", "overview",
  "funding-calls", "projects",
};

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

static gboolean
save_window (GtkWidget   *window,
             const char  *path,
             GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing was drawn for %s", path);
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
take (SecStore    *store,
      const char  *dir,
      const char  *section,
      gboolean     narrow,
      GError     **error)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.png", section, narrow ? "narrow" : "wide");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  SecWindow *window = sec_window_new (NULL, store);
  gboolean ok;

  int width = narrow ? 360 : 1200, height = narrow ? 720 : 800;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", section);
  wait_ms (300);
  /* The default size counts the window's frame; make the content the size
   * asked for. */
  gtk_window_set_default_size (GTK_WINDOW (window),
                               2 * width - gtk_widget_get_width (GTK_WIDGET (window)),
                               2 * height - gtk_widget_get_height (GTK_WIDGET (window)));
  wait_ms (300);

  if (narrow)
    {
      /* The list of the section; for the first section, its record. */
      SecRecord *record = sec_window_get_record (window);

      if (g_str_equal (section, sections[0]) && record != NULL)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "(sx)",
                                    sec_record_get_kind (record)->name, sec_record_get_id (record));
      else
        gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
    }
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  wait_ms (500);

  ok = save_window (GTK_WIDGET (window), path, error);
  if (ok)
    g_print ("%s (%d×%d)\n", path, gtk_widget_get_width (GTK_WIDGET (window)),
             gtk_widget_get_height (GTK_WIDGET (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  wait_ms (50);
  return ok;
}

/* The demo's joint meeting of 2027, whose check-in is under way. */
#define JOINT_2027 3
/* The demo's held meeting of 2025, with minutes. */
#define PLATFORM_2025 2

static gboolean
take_tool_window (GtkWindow   *window,
                  const char  *dir,
                  const char  *name,
                  int          width,
                  int          height,
                  GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gboolean ok;

  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  wait_ms (300);
  gtk_window_set_default_size (window, 2 * width - gtk_widget_get_width (GTK_WIDGET (window)),
                               2 * height - gtk_widget_get_height (GTK_WIDGET (window)));
  wait_ms (500);
  ok = save_window (GTK_WIDGET (window), path, error);
  if (ok)
    g_print ("%s (%d×%d)\n", path, gtk_widget_get_width (GTK_WIDGET (window)),
             gtk_widget_get_height (GTK_WIDGET (window)));
  return ok;
}

/* The check-in with nothing typed (those still expected), and the print
 * preview of the meeting's documents. */
static gboolean
take_meeting_windows (SecStore    *store,
                      const char  *dir,
                      GError     **error)
{
  SecWindow *main_window = sec_window_new (NULL, store);
  SecCheckinWindow *checkin;
  SecExportDialog *export;
  GtkWindow *preview = NULL;
  GList *toplevels;
  gboolean ok;

  gtk_window_present (GTK_WINDOW (main_window));
  wait_ms (100);
  checkin = sec_checkin_window_new (GTK_WINDOW (main_window), store, JOINT_2027);
  ok = take_tool_window (GTK_WINDOW (checkin), dir, "check-in.png", 640, 720, error);
  gtk_window_destroy (GTK_WINDOW (checkin));
  if (!ok)
    return FALSE;

  /* The agenda of the joint meeting (its items, each with its notes for
   * the secretariat). */
  {
    SecAgendaWindow *agenda = sec_agenda_window_new (GTK_WINDOW (main_window), store, JOINT_2027);

    ok = take_tool_window (GTK_WINDOW (agenda), dir, "agenda.png", 640, 760, error);
    gtk_window_destroy (GTK_WINDOW (agenda));
    if (!ok)
      return FALSE;
  }

  /* The minutes of the Platform's meeting of 2025. */
  {
    GtkWindow *minutes = g_object_new (SEC_TYPE_MINUTES_WINDOW, "transient-for", main_window,
                                       "store", store, "meeting-id", (gint64) PLATFORM_2025, NULL);

    ok = take_tool_window (minutes, dir, "minutes.png", 720, 800, error);
    gtk_window_destroy (minutes);
    if (!ok)
      return FALSE;
  }
  {
    SecEmailDialog *emails = sec_email_dialog_new (GTK_WINDOW (main_window), store, JOINT_2027);

    ok = take_tool_window (GTK_WINDOW (emails), dir, "e-mails.png", 600, 820, error);
    gtk_window_destroy (GTK_WINDOW (emails));
    if (!ok)
      return FALSE;
  }

  export = sec_export_dialog_new (GTK_WINDOW (main_window), store, JOINT_2027);
  gtk_window_present (GTK_WINDOW (export));
  wait_ms (100);
  sec_export_dialog_set_kind (export, SEC_MEETING_EXPORT_PARTICIPANTS);
  gtk_widget_activate_action (GTK_WIDGET (export), "export.preview", NULL);
  wait_ms (100);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (SEC_IS_DOCUMENT_PREVIEW (l->data))
      preview = l->data;
  g_list_free (toplevels);
  if (preview == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "No preview window");
      return FALSE;
    }
  ok = take_tool_window (preview, dir, "preview.png", 720, 800, error);
  gtk_window_destroy (GTK_WINDOW (main_window));
  wait_ms (50);
  return ok;
}

/* The demo's calls for proposals have all closed: one still open shows
 * the upcoming deadlines as staff see them (for the pictures only). */
static gboolean
add_open_call (SecStore  *store,
               GError   **error)
{
  g_autoptr(GPtrArray) programmes = sec_store_list (store, SEC_TYPE_PROGRAMME, NULL, error);
  g_autoptr(SecRecord) call = sec_record_new (SEC_TYPE_FUNDING_CALL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 12);
  g_autofree char *deadline = g_date_time_format (later, "%Y-%m-%dT17:00");

  if (programmes == NULL || programmes->len == 0)
    return programmes != NULL;
  sec_record_set_string (call, "title", "Support to victims of trafficking in human beings");
  sec_record_set_ref (call, "programme", sec_record_get_id (g_ptr_array_index (programmes, 0)));
  sec_record_set_string (call, "deadline", deadline);
  return sec_store_insert (store, SEC_RECORD (call), error);
}

static gboolean
take_portfolio_window (SecStore    *store,
                       const char  *dir,
                       GError     **error)
{
  SecWindow *main_window = sec_window_new (NULL, store);
  GtkWidget *portfolio;
  gboolean ok;

  gtk_window_present (GTK_WINDOW (main_window));
  wait_ms (100);
  portfolio = sec_portfolio_window_new (GTK_WINDOW (main_window), store, 0);
  ok = take_tool_window (GTK_WINDOW (portfolio), dir, "portfolio.png", 720, 800, error);
  gtk_window_destroy (GTK_WINDOW (main_window));
  wait_ms (50);
  return ok;
}

/* The sidebar's search of every section, with a few letters typed. */
static gboolean
take_search_everywhere (SecStore    *store,
                        const char  *dir,
                        GError     **error)
{
  g_autofree char *path = g_build_filename (dir, "search-everywhere.png", NULL);
  SecWindow *window = sec_window_new (NULL, store);
  GtkWidget *focus;
  gboolean ok;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (300);
  gtk_window_set_default_size (GTK_WINDOW (window), 2400 - gtk_widget_get_width (GTK_WIDGET (window)),
                               1600 - gtk_widget_get_height (GTK_WIDGET (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search-everywhere", NULL);
  wait_ms (100);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  if (focus != NULL && GTK_IS_EDITABLE (focus))
    gtk_editable_set_text (GTK_EDITABLE (focus), "nat");
  wait_ms (800);
  ok = save_window (GTK_WIDGET (window), path, error);
  if (ok)
    g_print ("%s (%d×%d)\n", path, gtk_widget_get_width (GTK_WIDGET (window)),
             gtk_widget_get_height (GTK_WIDGET (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  wait_ms (50);
  return ok;
}

/* The Personal Data Review, with the demo's people made years ago so that
 * those seen only at the 2018 meeting are past the retention period. */
static gboolean
take_privacy_window (SecStore    *store,
                     const char  *dir,
                     GError     **error)
{
  SecPrivacyDialog *dialog;
  gboolean ok;

  if (!sec_engine_exec (_sec_store_get_engine (store),
                        "UPDATE people SET created_at = '2018-01-01T00:00:00Z'", error))
    return FALSE;
  dialog = sec_privacy_dialog_new (NULL, store);
  ok = take_tool_window (GTK_WINDOW (dialog), dir, "privacy-review.png", 640, 720, error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_ms (50);
  return ok;
}

/* Deleted Records, after a person of the demo (with the meeting they
 * attended) was deleted. */
static gboolean
take_deleted_window (SecStore    *store,
                     const char  *dir,
                     GError     **error)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GPtrArray) people = NULL;
  SecDeletedDialog *dialog;
  gboolean ok;

  sec_query_set_search (query, "Schäfer");
  if ((people = sec_store_list (store, SEC_TYPE_PERSON, query, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    if (!sec_store_delete (store, SEC_TYPE_PERSON, sec_record_get_id (people->pdata[i]), error))
      return FALSE;
  dialog = sec_deleted_dialog_new (NULL, store);
  ok = take_tool_window (GTK_WINDOW (dialog), dir, "deleted-records.png", 640, 420, error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_ms (50);
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *db = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  int status = 0;

  double text_scale = 1.0;
  const char *localedir = g_getenv ("SECRETARIAT_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* In the language of LANGUAGE, from the translations as built (see
   * build-aux/dev screenshots), as the program itself does. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (argc == 3 && g_str_has_prefix (argv[2], "--text-scale="))
    text_scale = g_ascii_strtod (argv[2] + strlen ("--text-scale="), NULL);
  if ((argc != 2 && argc != 3) || text_scale < 0.5 || text_scale > 3.0)
    {
      g_printerr ("Usage: %s OUTPUT-DIR [--text-scale=1.5]\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* Large text as GNOME's setting makes it: the font resolution times the
   * scale (96 dpi in 1024ths of a point). High contrast comes from the
   * environment (ADW_DEBUG_HIGH_CONTRAST=1, see build-aux/dev). */
  if (text_scale != 1.0)
    g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (96 * 1024 * text_scale), NULL);
  /* The application would load its style sheet; there is none here. */
  gtk_css_provider_load_from_resource (css, "/io/github/secretariat/Secretariat/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  if (g_mkdir_with_parents (argv[1], 0755) != 0 ||
      (tmp = g_dir_make_tmp ("sec-screenshots-XXXXXX", &error)) == NULL)
    {
      g_printerr ("%s: %s\n", argv[0], error ? error->message : g_strerror (errno));
      return 1;
    }
  db = g_build_filename (tmp, "demo.db", NULL);
  if ((store = sec_store_open (db, &error)) == NULL || !sec_demo_fill (store, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return 1;
    }

  if (!add_open_call (store, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sections) && status == 0; i++)
    for (int narrow = 0; narrow < 2 && status == 0; narrow++)
      if (!take (store, argv[1], sections[i], narrow, &error))
        {
          g_printerr ("%s: %s\n", argv[0], error->message);
          status = 1;
        }

  if (status == 0 && !take_portfolio_window (store, argv[1], &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      status = 1;
    }
  if (status == 0 && !take_search_everywhere (store, argv[1], &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      status = 1;
    }
  if (status == 0 && !take_meeting_windows (store, argv[1], &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      status = 1;
    }

  if (status == 0 && !take_privacy_window (store, argv[1], &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      status = 1;
    }

  if (status == 0 && !take_deleted_window (store, argv[1], &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      status = 1;
    }

  sec_store_close (store);
  g_clear_object (&store);
  for (const char *suffix = ""; suffix; suffix = g_str_equal (suffix, "") ? "-wal" :
                                                 g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (db, suffix, NULL);
      g_unlink (file);
    }
  g_rmdir (tmp);
  return status;
}
