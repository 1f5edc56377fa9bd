/**
 * The calendar feed: each account may hold one secret URL serving an iCalendar (RFC 5545) file with
 * the dates of the campaigns it takes part in, for Outlook, Google Calendar or a phone to subscribe
 * to. The URL is shown once, when it is made; only a hash of its token is kept.
 */
import Type, { type Static } from 'typebox';
import { DateTime } from './common.ts';

/** Whether the caller has a feed, since when, and when a calendar last fetched it. */
export const CalendarFeedStatus = Type.Object(
  {
    active: Type.Boolean({ description: 'Whether the account has a calendar URL' }),
    createdAt: Type.Union([DateTime, Type.Null()], { description: 'When the current URL was made' }),
    lastFetchedAt: Type.Union([DateTime, Type.Null()], {
      description: 'When a calendar application last fetched it (to within a few minutes)',
    }),
  },
  { additionalProperties: false },
);
export type CalendarFeedStatus = Static<typeof CalendarFeedStatus>;

/** A new secret URL, returned once by the call that makes it (it cannot be read back later). */
export const CalendarFeedCreated = Type.Object(
  {
    url: Type.String({
      description: 'The secret https (or http) address of the feed; whoever holds it reads the calendar',
      examples: ['https://thidua.example.gov.vn/api/v1/calendar/Qm9u…Zw.ics'],
    }),
    webcalUrl: Type.String({
      description: 'The same address with the webcal: scheme, which opens a subscription in most calendars',
      examples: ['webcal://thidua.example.gov.vn/api/v1/calendar/Qm9u…Zw.ics'],
    }),
    createdAt: DateTime,
    replaced: Type.Boolean({ description: 'True when an earlier URL of the account stopped working' }),
  },
  { additionalProperties: false },
);
export type CalendarFeedCreated = Static<typeof CalendarFeedCreated>;

export const CalendarTokenParams = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200, description: 'The secret token of the feed' }) },
  { additionalProperties: false },
);
export type CalendarTokenParams = Static<typeof CalendarTokenParams>;
