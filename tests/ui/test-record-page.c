/* test-record-page.c: the detail pane shows a record's fields and relations
 * as people read them, follows the links through "win.open-record", and
 * follows the store's changes. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "ui/records/sec-record-editor.h"
#include "ui/records/sec-record-page.h"
#include "ui/widgets/sec-detail-row.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

typedef struct {
  char          *dir;
  SecStore      *store;
  GtkWidget     *window;
  SecRecordPage *page;

  /* the last "win.open-record" */
  char          *opened_kind;
  gint64         opened_id;
  guint          n_edit;

  gint64         europol, frontex, network, meeting, anna, jan, participant, statement, body_2;
} Fixture;

static void
open_record_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Fixture *f = user_data;
  const char *kind;

  g_variant_get (parameter, "(&sx)", &kind, &f->opened_id);
  g_free (f->opened_kind);
  f->opened_kind = g_strdup (kind);
}

static void
edit_record_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Fixture *f = user_data;

  f->n_edit++;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *europol = NULL, *frontex = NULL, *network = NULL, *meeting = NULL;
  g_autofree char *anna = NULL, *statement = NULL, *item = NULL, *body_2 = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  const GActionEntry entries[] = {
    { "open-record", open_record_cb, "(sx)" },
    { "edit-record", edit_record_cb },
    { "delete-record", edit_record_cb },
  };
  gint64 item_id;

  f->dir = sec_test_make_tmp_dir ("sec-page-XXXXXX");
  f->store = sec_test_open_store (f->dir, "test.db", NULL);

  f->europol = sec_test_insert (f->store, SEC_TYPE_ORGANISATION, "name", "Europol", "acronym", "Europol",
                     "kind", "eu-agency", "country", "NL", "city", "The Hague",
                     "email", "info@europol.example", "website", "https://www.europol.example/",
                     "notes", "Signed the 2011 and the 2018 statements.\nContact point since 2013.", NULL);
  f->frontex = sec_test_insert (f->store, SEC_TYPE_ORGANISATION, "name", "Frontex", "kind", "eu-agency", "country", "PL", NULL);
  europol = sec_test_id_text (f->europol);
  frontex = sec_test_id_text (f->frontex);
  f->network = sec_test_insert (f->store, SEC_TYPE_BODY, "name", "EU Network of National Rapporteurs", "acronym", "NREM", NULL);
  f->body_2 = sec_test_insert (f->store, SEC_TYPE_BODY, "name", "EU Civil Society Platform", "acronym", "CSP", NULL);
  network = sec_test_id_text (f->network);
  body_2 = sec_test_id_text (f->body_2);
  sec_test_insert (f->store, SEC_TYPE_MEMBERSHIP, "organisation", europol, "body", network, "joined-on", "2013-05-31", NULL);

  f->anna = sec_test_insert (f->store, SEC_TYPE_PERSON, "given-name", "Anna", "family-name", "Müller",
                  "position", "Analyst", "organisation", europol, "email", "anna@europol.example", NULL);
  f->jan = sec_test_insert (f->store, SEC_TYPE_PERSON, "given-name", "Jan", "family-name", "Kowalski",
                 "organisation", europol, NULL);
  anna = sec_test_id_text (f->anna);

  f->meeting = sec_test_insert (f->store, SEC_TYPE_MEETING, "title", "Meeting of the NREMs", "kind", "joint-session",
                     "starts-at", "2018-06-13T09:30", "ends-at", "2018-06-13T17:00", "status", "held", NULL);
  meeting = sec_test_id_text (f->meeting);
  sec_test_insert (f->store, SEC_TYPE_MEETING_BODY, "meeting", meeting, "body", network, NULL);
  sec_test_insert (f->store, SEC_TYPE_MEETING_BODY, "meeting", meeting, "body", body_2, NULL);
  f->participant = sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", meeting, "person", anna,
                         "organisation", europol, "role", "speaker", "status", "attended", NULL);
  {
    g_autofree char *jan = sec_test_id_text (f->jan);
    sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", meeting, "person", jan,
          "organisation", europol, "status", "invited", NULL);
  }
  sec_test_insert (f->store, SEC_TYPE_AGENDA_ITEM, "meeting", meeting, "position", "1", "title", "Welcome", "duration", "30", NULL);
  item_id = sec_test_insert (f->store, SEC_TYPE_AGENDA_ITEM, "meeting", meeting, "position", "2", "title", "Signing",
                  "kind", "signing", "duration", "45", NULL);
  sec_test_insert (f->store, SEC_TYPE_AGENDA_ITEM, "meeting", meeting, "position", "3", "title", "Lunch", "kind", "lunch",
        "duration", "60", "fixed-start", "12:30", NULL);
  item = sec_test_id_text (item_id);
  sec_test_insert (f->store, SEC_TYPE_AGENDA_SPEAKER, "agenda-item", item, "person", anna, NULL);

  f->statement = sec_test_insert (f->store, SEC_TYPE_STATEMENT, "title", "Joint Statement of commitment",
                       "signed-on", "2018-06-13", "place", "Sofia", "meeting", meeting, NULL);
  statement = sec_test_id_text (f->statement);
  sec_test_insert (f->store, SEC_TYPE_SIGNATORY, "statement", statement, "organisation", europol,
        "signer-name", "Catherine De Bolle", "signer-position", "Executive Director", "position", "1", NULL);
  sec_test_insert (f->store, SEC_TYPE_SIGNATORY, "statement", statement, "organisation", frontex, "position", "2", NULL);
  sec_test_insert (f->store, SEC_TYPE_COMMITMENT, "statement", statement, "position", "1",
        "text", "Exchange information on trafficking in human beings.", NULL);

  f->window = gtk_window_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), f);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 700, 900);
  f->page = SEC_RECORD_PAGE (sec_record_page_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  sec_test_iterate ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sec_test_destroy_windows ();

  sec_test_close_store (f->store, f->dir);
  g_free (f->dir);
  g_free (f->opened_kind);
}

static void
show (Fixture *f, GType kind, gint64 id)
{
  g_autoptr(SecRecord) record = sec_store_get (f->store, kind, id, NULL);

  g_assert_nonnull (record);
  sec_record_page_set_record (f->page, f->store, record);
  sec_test_iterate ();
}

/* Finding what is shown */

static GPtrArray *
find_all (Fixture *f, GType type)
{
  GPtrArray *out = g_ptr_array_new ();

  sec_test_collect_widgets (GTK_WIDGET (f->page), type, TRUE, out);
  return out;
}

static SecDetailRow *
find_row (Fixture *f, const char *title)
{
  g_autoptr(GPtrArray) rows = find_all (f, SEC_TYPE_DETAIL_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static const char *
subtitle_of (Fixture *f, const char *title)
{
  SecDetailRow *row = find_row (f, title);

  g_assert_nonnull (row);
  return sec_detail_row_get_subtitle (row);
}

/* Activates the row titled @title, as a click does, and checks that it
 * asked to open the record @id of @kind. */
static void
activate_row (Fixture *f, const char *title, const char *kind, gint64 id)
{
  SecDetailRow *row = find_row (f, title);

  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  sec_test_iterate ();
  g_assert_cmpstr (f->opened_kind, ==, kind);
  g_assert_cmpint (f->opened_id, ==, id);
}

static AdwPreferencesGroup *
find_group (Fixture *f, const char *title)
{
  g_autoptr(GPtrArray) groups = find_all (f, ADW_TYPE_PREFERENCES_GROUP);

  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (adw_preferences_group_get_title (g_ptr_array_index (groups, i)), title) == 0)
      return g_ptr_array_index (groups, i);
  return NULL;
}

static gboolean
is_number (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* No text on the page is a bare number: ids never show. */
static void
assert_no_raw_ids (Fixture *f)
{
  g_autoptr(GPtrArray) rows = find_all (f, SEC_TYPE_DETAIL_ROW);
  g_autoptr(GPtrArray) labels = find_all (f, GTK_TYPE_LABEL);

  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      SecDetailRow *row = g_ptr_array_index (rows, i);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      /* The order of an item is a number, and its row says so. */
      if (g_strcmp0 (title, "Order") == 0 || g_strcmp0 (title, "Position") == 0)
        continue;
      g_assert_false (is_number (title));
      g_assert_false (is_number (sec_detail_row_get_subtitle (row)));
    }
  for (guint i = 0; i < labels->len; i++)
    g_assert_false (is_number (gtk_label_get_text (g_ptr_array_index (labels, i))));
}

/* Tests */

static void
test_organisation_fields (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) labels = NULL;
  gboolean title_found = FALSE;

  show (f, SEC_TYPE_ORGANISATION, f->europol);

  labels = find_all (f, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), "Europol") == 0 &&
        gtk_widget_has_css_class (g_ptr_array_index (labels, i), "title-1"))
      title_found = TRUE;
  g_assert_true (title_found);

  g_assert_nonnull (find_group (f, "Details"));
  g_assert_cmpstr (subtitle_of (f, "Name"), ==, "Europol");
  g_assert_cmpstr (subtitle_of (f, "Kind"), ==, "EU agency");
  g_assert_cmpstr (subtitle_of (f, "Country"), ==, "Netherlands");
  g_assert_cmpstr (subtitle_of (f, "City"), ==, "The Hague");
  g_assert_cmpstr (subtitle_of (f, "Email"), ==, "info@europol.example");
  g_assert_cmpstr (subtitle_of (f, "Website"), ==, "https://www.europol.example/");
  g_assert_cmpstr (subtitle_of (f, "Notes"), ==, "Signed the 2011 and the 2018 statements.\nContact point since 2013.");
  /* Empty fields have no row. */
  g_assert_null (find_row (f, "Phone"));
  g_assert_null (find_row (f, "Address"));

  /* The email opens, the website too. */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (find_row (f, "Email"))), ==, "page.open-uri");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (find_row (f, "Email"))), NULL),
                   ==, "mailto:info@europol.example");

  assert_no_raw_ids (f);
}

static void
test_organisation_relations (Fixture *f, gconstpointer data)
{
  AdwPreferencesGroup *people, *meetings, *memberships, *statements;

  show (f, SEC_TYPE_ORGANISATION, f->europol);

  people = find_group (f, "People (2)");
  g_assert_nonnull (people);
  g_assert_cmpstr (subtitle_of (f, "Anna Müller"), ==, "Analyst · anna@europol.example");
  g_assert_nonnull (find_row (f, "Jan Kowalski"));

  meetings = find_group (f, "Meetings (1)");
  g_assert_nonnull (meetings);
  g_assert_cmpstr (subtitle_of (f, "Meeting of the NREMs"), ==,
                   "13 June 2018, 09:30 – 17:00 · NREM, CSP · Held");

  memberships = find_group (f, "Memberships (1)");
  g_assert_nonnull (memberships);
  g_assert_cmpstr (subtitle_of (f, "NREM"), ==, "Since 31 May 2013 · Active");

  statements = find_group (f, "Joint Statements Signed (1)");
  g_assert_nonnull (statements);
  g_assert_nonnull (find_row (f, "Joint Statement of commitment"));

  /* Nothing to list: the group says so, and offers to add one. */
  g_assert_nonnull (find_group (f, "Applications"));
  g_assert_nonnull (find_row (f, "No applications yet"));

  assert_no_raw_ids (f);

  /* With nothing to list and nothing to add, a group is left out. */
  show (f, SEC_TYPE_ORGANISATION, f->frontex);
  g_assert_null (find_group (f, "Meetings"));
  g_assert_nonnull (find_group (f, "People"));
  g_assert_nonnull (find_row (f, "No people yet"));

  assert_no_raw_ids (f);
}

static void
test_links_open_records (Fixture *f, gconstpointer data)
{
  show (f, SEC_TYPE_ORGANISATION, f->europol);

  activate_row (f, "Anna Müller", "person", f->anna);
  activate_row (f, "Meeting of the NREMs", "meeting", f->meeting);

  /* A reference among the details: the person's organisation. */
  show (f, SEC_TYPE_PERSON, f->anna);
  g_assert_cmpstr (subtitle_of (f, "Organisation"), ==, "Europol");
  activate_row (f, "Organisation", "organisation", f->europol);

  /* The person's meetings, with role and status; the agenda item they speak on. */
  g_assert_nonnull (find_group (f, "Meetings (1)"));
  g_assert_cmpstr (subtitle_of (f, "Meeting of the NREMs"), ==, "13 June 2018, 09:30 · Speaker · Attended");
  g_assert_cmpstr (subtitle_of (f, "Signing"), ==, "Meeting of the NREMs · 13 June 2018, 09:30");
  assert_no_raw_ids (f);

  /* The Edit button is the window's action. */
  {
    g_autoptr(GPtrArray) buttons = find_all (f, GTK_TYPE_BUTTON);
    gboolean found = FALSE;

    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "win.edit-record") == 0)
        {
          g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), ==, "Edit");
          g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
          found = TRUE;
        }
    g_assert_true (found);
    sec_test_iterate ();
    g_assert_cmpuint (f->n_edit, ==, 1);
  }
}

static void
test_meeting (Fixture *f, gconstpointer data)
{
  AdwPreferencesGroup *participants, *agenda;

  show (f, SEC_TYPE_MEETING, f->meeting);

  g_assert_cmpstr (subtitle_of (f, "Starts"), ==, "13 June 2018, 09:30");
  g_assert_cmpstr (subtitle_of (f, "Kind"), ==, "Joint session");
  g_assert_nonnull (find_group (f, "Bodies (2)"));
  g_assert_cmpstr (subtitle_of (f, "EU Network of National Rapporteurs"), ==, "NREM");

  /* Times worked out from the start and the durations; lunch at its fixed
   * time, and not numbered. */
  agenda = find_group (f, "Agenda (3)");
  g_assert_nonnull (agenda);
  g_assert_cmpstr (adw_preferences_group_get_description (agenda), ==, "Draft · 2 h 15 min, until 13:30");
  g_assert_cmpstr (subtitle_of (f, "1. Welcome"), ==, "09:30 – 10:00");
  g_assert_cmpstr (subtitle_of (f, "2. Signing"), ==, "10:00 – 10:45 · Signing · Speakers: Anna Müller");
  g_assert_cmpstr (subtitle_of (f, "Lunch"), ==, "12:30 – 13:30 · Lunch");

  participants = find_group (f, "Participants (2)");
  g_assert_nonnull (participants);
  g_assert_cmpstr (adw_preferences_group_get_description (participants), ==, "1 taking part (Attended: 1) · Invited: 1");
  g_assert_cmpstr (subtitle_of (f, "Anna Müller"), ==, "Europol · Speaker · Attended");

  g_assert_nonnull (find_group (f, "Joint Statements Signed Here (1)"));
  assert_no_raw_ids (f);
}

static void
test_statement (Fixture *f, gconstpointer data)
{
  show (f, SEC_TYPE_STATEMENT, f->statement);

  g_assert_cmpstr (subtitle_of (f, "Signed at meeting"), ==, "Meeting of the NREMs");
  g_assert_nonnull (find_group (f, "Signatories (2)"));
  g_assert_cmpstr (subtitle_of (f, "Europol"), ==, "Catherine De Bolle, Executive Director");
  g_assert_nonnull (find_row (f, "Frontex"));
  g_assert_nonnull (find_group (f, "Commitments (1)"));
  g_assert_nonnull (find_row (f, "Exchange information on trafficking in human beings."));

  activate_row (f, "Frontex", "organisation", f->frontex);
  assert_no_raw_ids (f);
}

/* A database can come from elsewhere: an address with a query part or a
 * web address that is not http(s) is shown and can be copied, but does not
 * open. */
static void
test_unsafe_links (Fixture *f, gconstpointer data)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE organisations SET email = 'info@europol.example?bcc=x@y.example&attach=/etc/passwd',"
                                          " website = 'file:///etc/passwd' WHERE id = %" G_GINT64_FORMAT, f->europol);

  g_assert_true (sec_engine_exec (_sec_store_get_engine (f->store), sql, NULL));
  show (f, SEC_TYPE_ORGANISATION, f->europol);
  g_assert_cmpstr (subtitle_of (f, "Email"), ==, "info@europol.example?bcc=x@y.example&attach=/etc/passwd");
  g_assert_null (gtk_actionable_get_action_name (GTK_ACTIONABLE (find_row (f, "Email"))));
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (find_row (f, "Email"))));
  g_assert_null (gtk_actionable_get_action_name (GTK_ACTIONABLE (find_row (f, "Website"))));
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (find_row (f, "Website"))));
}

static void
test_follows_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) europol = sec_store_get (f->store, SEC_TYPE_ORGANISATION, f->europol, NULL);
  g_autoptr(SecDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *europol_id = sec_test_id_text (f->europol);
  GtkStack *stack;

  show (f, SEC_TYPE_ORGANISATION, f->europol);

  /* An edit elsewhere shows here. */
  sec_record_set_string (europol, "city", "Den Haag");
  sec_store_update (f->store, europol, &error);
  g_assert_no_error (error);
  sec_test_iterate ();
  g_assert_cmpstr (subtitle_of (f, "City"), ==, "Den Haag");

  /* So does a new related record. */
  sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Ó Súilleabháin", "organisation", europol_id, NULL);
  sec_test_iterate ();
  g_assert_nonnull (find_group (f, "People (3)"));
  g_assert_nonnull (find_row (f, "Ó Súilleabháin"));

  /* Deleted: the page is empty; undone: it is back. */
  deletion = sec_store_delete_with_undo (f->store, SEC_TYPE_ORGANISATION, f->europol, &error);
  g_assert_no_error (error);
  sec_test_iterate ();
  stack = GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (f->page)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_null (sec_record_page_get_record (f->page));

  sec_store_undo_deletion (f->store, deletion, &error);
  g_assert_no_error (error);
  sec_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "record");
  g_assert_cmpstr (subtitle_of (f, "City"), ==, "Den Haag");

  /* Nothing shown. */
  sec_record_page_set_record (f->page, f->store, NULL);
  sec_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
}

static void
test_add_related (Fixture *f, gconstpointer data)
{
  SecRecordEditor *editor = NULL;
  GList *toplevels;

  show (f, SEC_TYPE_PERSON, f->anna);

  /* Adding the person to a meeting: a participant of her organisation. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "page.add", "s", "participant"));
  sec_test_iterate ();

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (SEC_IS_RECORD_EDITOR (l->data))
      editor = l->data;
  g_list_free (toplevels);

  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (f->window));
  g_assert_cmpint (sec_record_get_ref (sec_record_editor_get_record (editor), "person"), ==, f->anna);
  g_assert_cmpint (sec_record_get_ref (sec_record_editor_get_record (editor), "organisation"), ==, f->europol);
  g_assert_cmpint (sec_record_get_ref (sec_record_editor_get_record (editor), "meeting"), ==, 0);
  /* Filled in for the user: nothing to discard yet. */
  g_assert_false (sec_record_editor_get_modified (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  sec_test_iterate ();

  /* An agenda item goes at the end of the agenda. */
  show (f, SEC_TYPE_MEETING, f->meeting);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "page.add", "s", "agenda-item"));
  sec_test_iterate ();
  editor = NULL;
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (SEC_IS_RECORD_EDITOR (l->data))
      editor = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (editor);
  g_assert_cmpint (sec_record_get_ref (sec_record_editor_get_record (editor), "meeting"), ==, f->meeting);
  g_assert_cmpint (sec_record_get_int (sec_record_editor_get_record (editor), "position"), ==, 4);
  gtk_window_destroy (GTK_WINDOW (editor));
  sec_test_iterate ();
}

/* show_record_soon () (a search's new selection) reads the record once the
 * next frame is drawn, and draws nothing meanwhile rather than
 * the record before, which the search may have left out. */
static void
test_show_soon (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) frontex = sec_store_get (f->store, SEC_TYPE_ORGANISATION, f->frontex, NULL);
  g_autoptr(SecRecord) anna = sec_store_get (f->store, SEC_TYPE_PERSON, f->anna, NULL);
  g_autoptr(SecRecord) jan = sec_store_get (f->store, SEC_TYPE_PERSON, f->jan, NULL);
  GtkWidget *stack = gtk_widget_get_first_child (GTK_WIDGET (f->page));
  GdkFrameClock *clock;
  gint64 frame;

  show (f, SEC_TYPE_ORGANISATION, f->europol);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->page));

  sec_record_page_show_record_soon (f->page, f->store, frontex);
  frame = gdk_frame_clock_get_frame_counter (clock);
  g_assert_true (sec_record_page_is_pending (f->page));
  g_assert_cmpfloat (gtk_widget_get_opacity (stack), ==, 0);
  g_assert_cmpint (sec_record_get_id (sec_record_page_get_record (f->page)), ==, f->europol);
  g_assert_nonnull (find_row (f, "City"));  /* Europol's rows, not drawn */
  sec_test_wait_for_record_page (GTK_WIDGET (f->page));
  /* Not before the next frame (which lays out what came with the call). */
  g_assert_cmpint (gdk_frame_clock_get_frame_counter (clock), >=, frame + 1);
  g_assert_cmpint (sec_record_get_id (sec_record_page_get_record (f->page)), ==, f->frontex);
  g_assert_cmpfloat (gtk_widget_get_opacity (stack), ==, 1);
  g_assert_null (find_row (f, "City"));  /* Frontex's */

  /* A record given at once replaces one still to come. */
  sec_record_page_show_record_soon (f->page, f->store, anna);
  sec_record_page_set_record (f->page, f->store, jan);
  g_assert_false (sec_record_page_is_pending (f->page));
  g_assert_cmpfloat (gtk_widget_get_opacity (stack), ==, 1);
  sec_test_wait_ms (100);
  g_assert_cmpint (sec_record_get_id (sec_record_page_get_record (f->page)), ==, f->jan);

  /* Not on screen: at once. */
  gtk_widget_set_visible (f->window, FALSE);
  sec_test_iterate ();
  sec_record_page_show_record_soon (f->page, f->store, anna);
  g_assert_false (sec_record_page_is_pending (f->page));
  g_assert_cmpint (sec_record_get_id (sec_record_page_get_record (f->page)), ==, f->anna);
}

/* The rows of group @title, its "Show More" row included. */
static guint
count_rows (Fixture *f, const char *title)
{
  AdwPreferencesGroup *group = find_group (f, title);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  g_assert_nonnull (group);
  sec_test_collect_widgets (GTK_WIDGET (group), SEC_TYPE_DETAIL_ROW, TRUE, rows);
  return rows->len;
}

/* Activates the row titled @title from the keyboard: focused, then
 * activated as Enter does. */
static void
press_row (Fixture *f, const char *title)
{
  SecDetailRow *row = find_row (f, title);

  g_assert_nonnull (row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row)));
  g_signal_emit_by_name (row, "activate");
  sec_test_iterate ();
}

/* A group lists its first 12 related records, then 50 more each time its
 * last row is activated; the focus goes to the first row added; a change
 * of the data keeps what was listed, another record lists 12 again. */
static void
test_show_more (Fixture *f, gconstpointer data)
{
  g_autofree char *frontex = sec_test_id_text (f->frontex);
  GtkWidget *focus;

  for (guint i = 0; i < 70; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %02u", i);
      sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", name, "organisation", frontex, NULL);
    }
  show (f, SEC_TYPE_ORGANISATION, f->frontex);
  g_assert_cmpuint (count_rows (f, "People (70)"), ==, 12 + 1);
  g_assert_nonnull (find_row (f, "Person 11"));
  g_assert_null (find_row (f, "Person 12"));
  g_assert_cmpstr (subtitle_of (f, "Show 50 More"), ==, "12 of 70 shown");

  press_row (f, "Show 50 More");
  g_assert_cmpuint (count_rows (f, "People (70)"), ==, 62 + 1);
  g_assert_nonnull (find_row (f, "Person 61"));
  g_assert_null (find_row (f, "Person 62"));
  g_assert_null (find_row (f, "Show 50 More"));
  g_assert_cmpstr (subtitle_of (f, "Show 8 More"), ==, "62 of 70 shown");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus != NULL && (GtkWidget *) find_row (f, "Person 12") == focus);

  /* A new person: the page is made again, with as many rows listed. */
  sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Person 70", "organisation", frontex, NULL);
  sec_test_iterate ();
  g_assert_cmpuint (count_rows (f, "People (71)"), ==, 62 + 1);
  g_assert_cmpstr (subtitle_of (f, "Show 9 More"), ==, "62 of 71 shown");

  press_row (f, "Show 9 More");
  g_assert_cmpuint (count_rows (f, "People (71)"), ==, 71);
  g_assert_nonnull (find_row (f, "Person 70"));
  g_assert_null (find_row (f, "Show 9 More"));

  /* Another record, then this one again: its first 12. */
  show (f, SEC_TYPE_ORGANISATION, f->europol);
  g_assert_cmpuint (count_rows (f, "People (2)"), ==, 2);
  show (f, SEC_TYPE_ORGANISATION, f->frontex);
  g_assert_cmpuint (count_rows (f, "People (71)"), ==, 12 + 1);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/record-page/organisation-fields", test_organisation_fields);
  ADD ("/record-page/organisation-relations", test_organisation_relations);
  ADD ("/record-page/links", test_links_open_records);
  ADD ("/record-page/meeting", test_meeting);
  ADD ("/record-page/statement", test_statement);
  ADD ("/record-page/unsafe-links", test_unsafe_links);
  ADD ("/record-page/follows-changes", test_follows_changes);
  ADD ("/record-page/add-related", test_add_related);
  ADD ("/record-page/show-soon", test_show_soon);
  ADD ("/record-page/show-more", test_show_more);

  return g_test_run ();
}
