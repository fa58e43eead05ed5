/* sec-test-meeting.h: a meeting's tools and windows on the demo database,
 * as test-meeting-ui.c and test-meeting-ui-windows.c drive them
 *
 * Each test fills a new database with the demo data and shows an empty
 * window the size of a record page, which the tests fill or make the
 * parent of the meeting's windows.
 */
#pragma once

#include <adwaita.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* The demo's meetings. */
#define NREM_2018     1
#define PLATFORM_2025 2
#define JOINT_2027    3

typedef struct {
  char      *dir;
  SecStore  *store;
  GtkWidget *window;
} SecTestMeeting;

/* Adds a test that runs with the fixture below. */
#define SEC_TEST_MEETING_ADD(path, func) \
  g_test_add (path, SecTestMeeting, NULL, sec_test_meeting_setup, func, sec_test_meeting_teardown)

/* The fixture: the demo database and a window of 600 × 800 shown; then
 * every window destroyed and the store closed. */
void       sec_test_meeting_setup    (SecTestMeeting  *f,
                                      gconstpointer    data);
void       sec_test_meeting_teardown (SecTestMeeting  *f,
                                      gconstpointer    data);

/* (transfer full): the meeting @id. */
SecRecord *sec_test_get_meeting      (SecTestMeeting  *f,
                                      gint64           id);

G_END_DECLS
