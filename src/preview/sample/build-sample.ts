/**
 * Generator of the sample Jira backlog (`project.json`) that the local Jira emulator serves, the
 * preview host shows to new users, and tests read. All text is original, written for this sample.
 *
 * Issues are kept here in a compact form: a summary, a description in a small Markdown-ish markup,
 * and references by name (`ref`) for parents and links. `buildSample()` turns them into the
 * emulator's file format: keys numbered per project in list order, descriptions in Atlassian
 * Document Format, reverse links added on the other issue, fixed dates. Deterministic: same input,
 * same bytes.
 *
 *   npx tsx src/preview/sample/build-sample.ts   # writes project.json, prints the category counts
 *
 * Description markup, one block per line group (leading spaces are ignored):
 *   ### Heading                 heading (level 3)
 *   - item                      bullet list
 *   1. item                     ordered list
 *   [ ] item / [x] item         checklist (ADF task list, TODO / DONE)
 *   other lines                 a paragraph; consecutive lines are joined with hard breaks
 *   blank line                  ends the block
 * Inline: **strong**, `code`, [text](href). `{{ref}}` in a summary or description becomes that issue's key.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { sampleProjectFileSchema } from './schema';

type FileInput = z.input<typeof sampleProjectFileSchema>;
type IssueInput = FileInput['issues'][number];
type LinkInput = NonNullable<IssueInput['links']>[number];
type IssueType = IssueInput['issueType'];
type Status = IssueInput['status'];
type Who = 'alice' | 'bob' | 'carol';

/** Problems planted on purpose, counted in the README. Computed facts (type, estimate, criteria) are not tags. */
export const TAGS = {
  motivating: 'Motivating cases from the mission, nearly verbatim',
  technical: 'Technical stories (implementation work framed as a story)',
  oversized: 'Oversized (epic-sized, "manage …", 13+ points, many criteria, long goal lists)',
  'not-atomic': 'Non-atomic goals ("create and delete", "upload and tag")',
  'horizontal-slice': 'Horizontal slices (one layer: tables, API, frontend only)',
  duplicate: 'Duplicates (stories in identical or near-identical pairs)',
  vague: 'Vague words ("fast", "user-friendly", "all")',
  'missing-role': 'Missing role (title only)',
  'missing-benefit': 'Missing benefit (no "so that")',
  'bracketed-note': 'Bracketed notes in the summary',
  'job-story': 'Job story ("When …, I want …, so I can …")',
  'benefit-first': 'Benefit-first story ("In order to …, as a …, I want …")',
  'text-dependency': 'Dependencies written in the text ("depends on KEY", "after the … story is done")',
  cycle: 'Stories in the dependency cycle (Blocks links)',
  chain: 'Stories in the longest chain of Blocks links',
  hostile: 'Hostile text for rendering tests (script tag, javascript: link, U+202E)',
} as const;
export type Tag = keyof typeof TAGS;

interface Spec {
  /** Name used by `parent`, the link lists and `{{ref}}` in text. */
  ref?: string;
  type?: IssueType;
  summary: string;
  body?: string;
  points?: number | null;
  status?: Status;
  labels?: string[];
  parent?: string;
  /** This issue is blocked by these (a `Blocks` link, inward here, outward on the other issue). */
  blockedBy?: string[];
  relates?: string[];
  /** This issue duplicates these (a `Duplicate` link). */
  duplicates?: string[];
  /** An unlinked duplicate of this issue: planted for the duplicate check, listed in the README. */
  copyOf?: string;
  restricted?: boolean;
  by: Who;
  tags?: Tag[];
}

interface ProjectSpec {
  id: string;
  key: string;
  name: string;
  description: string;
  /** First creation date; issues are created in list order over `spanDays`. */
  start: string;
  spanDays: number;
  issues: Spec[];
}

const USERS = {
  alice: {
    accountId: '5f3c9a1e7b2d4c0069a1e2f4',
    displayName: 'Alice Navarro',
    emailAddress: 'alice@example.com',
    projects: { FOOD: 'admin', ZONE: 'admin' },
    securityLevels: ['restricted'],
  },
  bob: {
    accountId: '5f3c9a1e7b2d4c0069a1e305',
    displayName: 'Bob Okafor',
    emailAddress: 'bob@example.com',
    projects: { FOOD: 'member', ZONE: 'member' },
    securityLevels: [],
  },
  carol: {
    accountId: '61d08e4b2c9f7a006b3d5e17',
    displayName: 'Carol Lindqvist',
    emailAddress: 'carol@example.com',
    projects: { FOOD: 'member' },
    securityLevels: [],
  },
} satisfies Record<Who, FileInput['users'][number]>;

/** Browses both projects but may not edit or create: what the panel shows someone who can only read. */
const VIEWER: FileInput['users'][number] = {
  accountId: '64a2c7e90b1d3f0071c8e4a2',
  displayName: 'Dan Ito',
  emailAddress: 'dan@example.com',
  projects: { FOOD: 'viewer', ZONE: 'viewer' },
  securityLevels: [],
};

const FIELDS: FileInput['fields'] = {
  storyPoints: { id: 'customfield_10016', name: 'Story point estimate' },
};

// Duplicated stories share their description: one was cloned, or written twice from the same notes.
const EDIT_REVIEW_CRITERIA = `### Acceptance criteria
  - Text, stars and photos can be changed.
  - An edited review shows "Edited" and the date of the last change.
  - A review can be edited for 30 days after it was posted.`;
const CUISINE_CRITERIA = `### Acceptance criteria
  - Cuisines come from the restaurant's profile; a restaurant has up to three.
  - More than one cuisine can be selected at a time.
  - The number of matching restaurants is shown next to each cuisine.`;
const FOLDER_CRITERIA = `### Acceptance criteria
  - The folder is picked from the customer's folder tree, or created on the spot.
  - Two zones may share a folder; the file names then carry the zone name.
  - A model cannot be published while one of its zones has no folder.`;

// ---------------------------------------------------------------------------------------------
// FOOD: hotel and restaurant reviews
// ---------------------------------------------------------------------------------------------

const FOOD: ProjectSpec = {
  id: '10000',
  key: 'FOOD',
  name: 'Hotel & food reviews',
  description: 'A review site for restaurants and hotels: reviews, ratings, photos of meals and rooms, search, host replies and moderation.',
  start: '2026-09-01T08:00:00.000Z',
  spanDays: 66,
  issues: [
    {
      ref: 'epicReviews', type: 'Epic', summary: 'Reviews and ratings', status: 'In Progress', labels: ['reviews'], by: 'alice',
      body: `Everything a visitor needs to write, rate and discuss a review of a restaurant or a hotel stay.

        ### Goals
        - More reviews per visit: today one diner in 40 who opens a restaurant page leaves a review.
        - Reviews that say something specific: ratings per aspect, dates of the visit, photos.

        ### Out of scope
        - Paid or sponsored reviews.`,
    },
    {
      ref: 'epicPhotos', type: 'Epic', summary: 'Photos of meals and rooms', status: 'In Progress', labels: ['photos'], by: 'alice',
      body: `Reviewers attach photos of dishes and hotel rooms; diners browse them on restaurant and hotel pages.

        Photos were the most requested feature in the spring survey (62% of the people who answered).`,
    },
    {
      ref: 'epicSearch', type: 'Epic', summary: 'Finding a place to eat', labels: ['search'], by: 'alice',
      body: `Search, filters, map and lists that help diners choose a restaurant.

        ### Success measure
        Share of sessions that start with a search and end on a restaurant page: from 35% to 50%.`,
    },
    {
      ref: 'epicModeration', type: 'Epic', summary: 'Host replies and moderation', labels: ['moderation'], by: 'alice',
      body: `Restaurant and hotel hosts answer reviews; moderators keep the conversation civil.

        ### Policy
        Moderation follows the community guidelines agreed with Legal in August. A removed review always comes with a reason the reviewer can read.`,
    },
    {
      ref: 'rateStars', summary: 'As a reviewer, I want to give a restaurant one to five stars, so that other diners see my overall verdict at a glance.',
      parent: 'epicReviews', status: 'Done', points: 3, labels: ['reviews'], by: 'bob',
      body: `### Acceptance criteria
        - Stars can be chosen with a mouse, a finger or the arrow keys.
        - A review cannot be published without a star rating.
        - The restaurant's average rating includes the new review within one minute.
        - Half stars are not offered.`,
    },
    {
      ref: 'writeReview', summary: 'As a reviewer, I want to write a text review of my visit, so that I can tell other diners what the meal was like.',
      parent: 'epicReviews', status: 'Done', points: 5, labels: ['reviews'], by: 'carol',
      body: `The text box nudges people towards specifics: its placeholder suggests naming a dish and describing the service.

        ### Acceptance criteria
        Given I am signed in and on a restaurant page
        When I write at least 50 characters and select **Publish**
        Then my review appears first in the restaurant's reviews
        And I receive an email with a link to it

        Given I have written fewer than 50 characters
        When I select **Publish**
        Then I am told how many more characters are needed
        And my text is kept`,
    },
    {
      type: 'Task', summary: 'Renew the TLS certificate for reviews.example.com', status: 'Done', labels: ['infra'], by: 'alice',
      body: 'The certificate expires on 30 September. Renew it with the hosting provider and check the chain afterwards.',
    },
    {
      ref: 'imageStore', summary: 'As a developer I want to develop a mechanism to store and retrieve images so that users can add/view images',
      parent: 'epicPhotos', points: 8, labels: ['photos', 'backend'], by: 'bob', tags: ['motivating', 'technical'],
      body: `We need somewhere to keep uploaded files before any photo feature can ship.

        ### Notes
        - Options discussed: object storage with a CDN in front, or blobs in the database.
        - Three sizes per image: thumbnail, medium and original.
        - Agree on the storage layout with Alice before starting.`,
    },
    {
      ref: 'photoUpload', summary: 'As a reviewer, I want to add images of my meal to a review, so that other diners see what the dishes look like.',
      parent: 'epicPhotos', status: 'In Progress', points: 5, labels: ['photos'], by: 'bob', blockedBy: ['imageStore'],
      body: `### Acceptance criteria
        - Up to 10 photos can be added to one review.
        - JPEG, PNG and HEIC files up to 20 MB are accepted; other files are refused with a message naming the allowed types.
        - Each photo shows a thumbnail and a progress bar while it uploads.
        - A photo can be removed before the review is published.
        - Location data is removed from the files before anyone else can see them.

        Design: [photo upload flow](https://design.example.com/food/photo-upload)`,
    },
    {
      type: 'Subtask', summary: 'Convert HEIC photos to JPEG on upload', parent: 'photoUpload', status: 'In Progress', by: 'alice',
      body: 'Only Safari shows HEIC. Convert on the server and keep the original for 30 days in case the conversion goes wrong.',
    },
    {
      type: 'Subtask', summary: 'Strip EXIF location data from uploaded photos', parent: 'photoUpload', by: 'bob',
      body: 'Remove the GPS tags but keep the orientation tag, or portrait photos will show sideways.',
    },
    {
      ref: 'roomPhotos', summary: 'As a hotel guest, I want to add photos of my room to my review, so that future guests see the room as it really is.',
      parent: 'epicPhotos', points: 3, labels: ['photos', 'hotels'], by: 'carol', blockedBy: ['photoUpload'], tags: ['text-dependency'],
      body: `Reuses the uploader from the meal images, so we start after the meal image upload story is done.

        [ ] Room photos appear in a separate "Rooms" tab on the hotel page
        [ ] A photo can be marked as "View from the window"
        [ ] Photos over 20 MB are refused with a message that says the limit`,
    },
    {
      summary: 'As a reviewer, I want to upload and tag photos, so that diners can find pictures of a particular dish.',
      parent: 'epicPhotos', points: 5, labels: ['photos'], by: 'bob', tags: ['not-atomic'],
      body: `Tags are dish names picked from the restaurant's menu, or free text.

        ### Acceptance criteria
        - Photos can be tagged while uploading or later.
        - A diner can open all photos tagged with the same dish.
        - A photo has at most five tags.`,
    },
    {
      summary: 'Photo upload', points: null, by: 'carol', tags: ['missing-role'],
      body: 'Users should be able to upload photos. See the design board and the thread in #food-photos.',
    },
    {
      summary: 'REST API for photo upload', parent: 'epicPhotos', points: 3, labels: ['photos', 'backend'], by: 'bob', tags: ['horizontal-slice'],
      body: `\`POST /api/v1/photos\` takes a multipart form with one file and returns the photo id and the addresses of the three sizes.

        ### Acceptance criteria
        - Returns 201 with the photo id for a valid file.
        - Returns 413 for files over 20 MB.
        - Returns 415 for file types other than JPEG, PNG and HEIC.`,
    },
    {
      summary: 'As the team, we want a PostgreSQL table for reviews, so that reviews are kept when the server restarts.',
      parent: 'epicReviews', status: 'Done', points: 2, labels: ['backend'], by: 'bob', tags: ['technical'],
      body: 'Columns: `id`, `restaurant_id`, `author_id`, `stars`, `body`, `created_at`, `edited_at`. Index on (`restaurant_id`, `created_at`).',
    },
    {
      summary: 'Database tables for hotel room ratings', parent: 'epicReviews', points: 2, labels: ['backend', 'hotels'], by: 'bob', tags: ['horizontal-slice'],
      body: 'Tables `room_ratings` and `rating_aspects`, with migrations. Seed the aspects: room, breakfast, staff, location.',
    },
    {
      summary: 'Review form – frontend only', parent: 'epicReviews', status: 'In Progress', points: 3, labels: ['frontend'], by: 'carol', tags: ['horizontal-slice'],
      body: `Build the screens against the mock API; the server part follows in a later sprint.

        ### Acceptance criteria
        - The form matches the approved design at phone and desktop widths.
        - Validation messages appear next to the field they belong to.`,
    },
    {
      summary: 'As a DevOps engineer, I want to set up a load balancer in front of the web servers, so that the site stays up during the Friday dinner rush.',
      points: 5, labels: ['infra'], by: 'alice', tags: ['technical'],
      body: `Last Friday the only web server reached 100% CPU at 19:40 and the site was down for 12 minutes.

        ### Acceptance criteria
        - Two web servers run behind the load balancer; either one can be stopped without errors for visitors.
        - Health checks take a failing server out of rotation within 30 seconds.`,
    },
    {
      ref: 'aspects', summary: 'As a reviewer, I want to rate food, service, ambience, value for money, cleanliness and noise level separately, so that my review shows what exactly went well or badly.',
      parent: 'epicReviews', points: 8, labels: ['reviews'], by: 'carol', tags: ['oversized'],
      body: `### Acceptance criteria
        - Every aspect is optional except food.
        - The overall star rating stays separate from the aspects.
        - A restaurant page shows the average of an aspect once five people have rated it.`,
    },
    {
      ref: 'editReview', summary: 'As a reviewer, I want to edit my review after posting it, so that I can correct mistakes.',
      parent: 'epicReviews', points: 2, labels: ['reviews'], by: 'bob', tags: ['duplicate'],
      body: EDIT_REVIEW_CRITERIA,
    },
    {
      ref: 'helpful', summary: 'As a diner, I want to mark a review as helpful, so that the most useful reviews rise to the top.',
      parent: 'epicReviews', status: 'In Review', points: 2, labels: ['reviews'], by: 'carol',
      body: `### Acceptance criteria
        Given I am signed in and reading a review written by someone else
        When I select **Helpful**
        Then the review's helpful count goes up by one
        And selecting it again takes my vote back`,
    },
    {
      summary: 'As a diner, I want to comment on a review, so that I can ask the reviewer about the dish.',
      parent: 'epicReviews', points: 3, labels: ['reviews'], by: 'carol',
      body: `### Acceptance criteria
        - Comments are plain text of up to 1,000 characters.
        - The reviewer and the host can answer a comment; answers are one level deep.
        - Comments can be reported just like reviews.`,
    },
    {
      summary: 'As a reviewer, I want to edit my review after posting it, so that I can correct mistakes.', points: null, by: 'carol', tags: ['duplicate'], copyOf: 'editReview',
      body: EDIT_REVIEW_CRITERIA,
    },
    {
      ref: 'cuisine', summary: 'As a diner, I want to filter restaurants by cuisine, so that I find the food I like.',
      parent: 'epicSearch', points: 3, labels: ['search'], by: 'alice', tags: ['duplicate'],
      body: CUISINE_CRITERIA,
    },
    {
      ref: 'openNow', summary: 'As a diner, I want to see only restaurants that are open now, so that I don\'t walk to a closed door.',
      parent: 'epicSearch', status: 'Done', points: 2, labels: ['search'], by: 'bob',
      body: `### Acceptance criteria
        - "Open now" uses the restaurant's opening hours in the restaurant's own time zone.
        - Restaurants without opening hours are hidden while the filter is on.`,
    },
    {
      type: 'Bug', summary: '"Open now" filter lists restaurants that closed an hour ago', status: 'In Progress', labels: ['search'], by: 'carol', relates: ['openNow'],
      body: `### Steps to reproduce
        1. Set the browser's time zone to Berlin and search for restaurants in Lisbon.
        2. Turn on "Open now" at 22:30 Berlin time.

        ### Expected
        Only restaurants open at 21:30 Lisbon time.

        ### Actual
        Restaurants that closed at 21:00 Lisbon time are listed too. The filter seems to use the visitor's time zone.`,
    },
    {
      ref: 'search', summary: 'As a diner, I want to search restaurants by name, dish or neighbourhood, so that I can find a place to eat.',
      parent: 'epicSearch', points: 8, labels: ['search'], by: 'alice', tags: ['oversized'],
      body: `### Acceptance criteria
        - Results appear after three characters are typed.
        - Names match even with one wrong letter.
        - Dish names come from the menus that hosts upload.
        - Neighbourhood names come from the city's official list.
        - Each result shows the name, cuisine, average rating and distance.
        - Closed restaurants are listed after open ones.
        - A search with no results suggests nearby neighbourhoods.
        - The last five searches are remembered on the device.
        - Searching works in English, Portuguese and German.
        - Screen readers announce the number of results.
        - The results page loads within two seconds on a 4G connection.`,
    },
    {
      type: 'Subtask', summary: 'Add a trigram index for dish names', parent: 'search', by: 'bob',
      body: 'Needed for matching with typos. Check the size of the index on the staging copy of the database first.',
    },
    {
      summary: 'As a diner, I want the search to be fast and user-friendly, so that I can find all the good restaurants.',
      parent: 'epicSearch', points: null, by: 'carol', tags: ['vague'],
    },
    {
      summary: 'When I arrive in a new city, I want to see well-rated restaurants within walking distance, so I can eat well without planning ahead.',
      parent: 'epicSearch', points: 5, labels: ['search', 'mobile'], by: 'carol', tags: ['job-story'],
      body: `### Acceptance criteria
        - The phone's location is used only after I allow it.
        - Walking distance means 15 minutes on foot unless I pick 5, 10 or 30 minutes.
        - Restaurants rated four stars or more are listed first.`,
    },
    {
      summary: 'In order to pick a quiet hotel, as a traveller, I want to filter hotel reviews by noise rating.',
      parent: 'epicSearch', points: 3, labels: ['hotels'], by: 'bob', relates: ['aspects'], tags: ['benefit-first'],
      body: `### Acceptance criteria
        - The filter offers "Quiet" (4 or 5 out of 5) and "Any".
        - Hotels with fewer than five noise ratings stay in the list, marked "Not enough ratings".`,
    },
    {
      summary: 'As a diner, I want to see restaurants near me on a map.',
      parent: 'epicSearch', points: 5, labels: ['search', 'mobile'], by: 'alice', tags: ['missing-benefit'],
      body: `### Acceptance criteria
        - The map opens on my location, or on the city centre if location is off.
        - Pins show the average rating.
        - Moving the map updates the list below it.`,
    },
    {
      summary: 'As a diner, I want to save restaurants to a wishlist, so that I can find them again later (check naming with Marketing)',
      parent: 'epicSearch', points: 3, labels: ['search'], by: 'carol', tags: ['bracketed-note'],
      body: `### Acceptance criteria
        - A heart on each restaurant card adds it to the wishlist.
        - The wishlist is the same on all my devices when I am signed in.`,
    },
    {
      summary: 'As a diner, I want to filter restaurants by type of cuisine, so that I find the food I like.',
      parent: 'epicSearch', points: null, by: 'carol', tags: ['duplicate'], copyOf: 'cuisine',
      body: CUISINE_CRITERIA,
    },
    {
      ref: 'report', summary: 'As a diner, I want to report a review as abusive, so that a moderator can check it.',
      parent: 'epicModeration', status: 'In Review', points: 3, labels: ['moderation'], by: 'carol',
      body: `### Acceptance criteria
        - Reasons to choose from: spam, hate or harassment, not about this place, private information, other.
        - A review reported by three different people is hidden until a moderator decides.
        - The person who reported it is told the outcome.`,
    },
    {
      summary: 'As a moderator, I want to remove an abusive review with a reason, so that the reviewer knows which guideline was broken.',
      parent: 'epicModeration', points: 3, labels: ['moderation'], by: 'alice', blockedBy: ['report'],
      body: `Given a reported review is in my moderation queue
        When I remove it and pick the guideline it breaks
        Then the review disappears from the restaurant page
        And the reviewer gets an email quoting the guideline

        Given I removed a review by mistake
        When I select **Undo** within 10 minutes
        Then the review is back exactly as it was`,
    },
    {
      summary: 'As a moderator, I want to manage reported content, so that the site stays a friendly place.',
      parent: 'epicModeration', points: 13, labels: ['moderation'], by: 'alice', tags: ['oversized'],
      body: `Covers the whole moderation console.

        ### Acceptance criteria
        - A queue of reported reviews, comments and photos, oldest first.
        - Filters by report reason and by city.
        - Remove, restore and ignore, each with a reason.
        - Bulk actions for waves of spam.
        - A history of every decision with the moderator's name.
        - Suspend a user for 7 days, 30 days or for good.
        - Weekly statistics per moderator.
        - An email template for each kind of decision.
        - Appeals from reviewers arrive in the same queue.`,
    },
    {
      ref: 'hostReply', summary: 'As a host, I want to reply publicly to a review of my restaurant, so that diners also hear my side of the story.',
      parent: 'epicModeration', points: 5, labels: ['hosts'], by: 'bob', blockedBy: ['hostClaim'], tags: ['cycle'],
      body: `Only hosts who have claimed their restaurant's page can reply.

        ### Acceptance criteria
        - One public reply per review, which the host can edit for 7 days.
        - The reply is shown under the review with the host's name and role.
        - The reviewer gets an email when the host replies.`,
    },
    {
      ref: 'hostClaim', summary: 'As a host, I want to claim my restaurant\'s page, so that only verified staff can reply to reviews.',
      parent: 'epicModeration', points: 8, labels: ['hosts'], by: 'alice', blockedBy: ['hostNotify'], tags: ['cycle'],
      body: `A code is emailed to the address on the restaurant's website. It goes through the same sending service as the new-review emails.

        ### Acceptance criteria
        - A host asks for a code and enters it within 24 hours.
        - A page can have up to three verified hosts.
        - Support staff can remove a host from a page.`,
    },
    {
      ref: 'hostNotify', summary: 'As a host, I want an email when my restaurant gets a new review, so that I can reply the same day.',
      parent: 'epicModeration', points: 3, labels: ['hosts'], by: 'bob', blockedBy: ['hostReply'], tags: ['cycle'],
      body: `The email has a **Reply** button that opens the reply form for that review.

        ### Acceptance criteria
        - The email arrives within 15 minutes of the review being published.
        - Hosts can turn these emails off in their settings.`,
    },
    {
      summary: 'Restaurant opening hours on the detail page', points: 2, by: 'alice', tags: ['missing-role'],
      body: `### Acceptance criteria
        - Hours are listed per weekday, with today's hours highlighted.
        - On public holidays the page says "Hours may differ today".`,
    },
    {
      summary: 'As a host, I want to pin one reply to the top of my page.', parent: 'epicModeration', points: null, labels: ['hosts'], by: 'bob', tags: ['missing-benefit'],
    },
    {
      ref: 'hostile', summary: 'As a reviewer, I want a review title like <script>alert(1)</script> shown as plain text, so that nobody can run code in other diners\' browsers.',
      parent: 'epicReviews', points: 2, labels: ['security', 'rendering-test'], by: 'alice', tags: ['hostile'],
      body: `**Rendering test.** This issue deliberately contains hostile text, so that the Story Health panel, the preview and the tests can check that Jira text is always shown as text. Nothing below should run, open or change direction.

        - A script tag: <script>alert(1)</script>
        - A link whose target is a script: [open the review](javascript:alert(1))
        - A right-to-left override inside a file name: dinner-photo\u202Egpj.exe

        ### Acceptance criteria
        - Review titles and texts are shown exactly as typed; no HTML in them is interpreted.
        - Links in reviews open only http and https addresses.`,
    },
    {
      ref: 'partnerPricing', summary: 'As a partner manager, I want to set a negotiated commission rate for each restaurant chain, so that invoices match the signed partner contract.',
      points: 5, labels: ['partners'], by: 'alice', restricted: true,
      body: `Confidential: commission rates are visible to the partner team only.

        ### Acceptance criteria
        - A rate between 0% and 30% can be set per chain, with a start date.
        - Rates never appear on public pages or in the public API.
        - Every change is logged with who made it.`,
    },
    {
      type: 'Task', summary: 'Import the Q4 partner price sheet', labels: ['partners'], by: 'alice', restricted: true, relates: ['partnerPricing'],
      body: 'The sheet from the partnerships team (shared drive, Partners/2026-Q4) lists 38 chains. Check the rates with Finance before importing.',
    },
    {
      summary: 'As a backend developer, I want a Redis cache for restaurant pages, so that pages load fast.',
      points: null, labels: ['backend', 'performance'], by: 'bob', tags: ['technical', 'vague'],
    },
    {
      type: 'Bug', summary: 'Star rating resets to zero when the review form shows a validation error', labels: ['reviews'], by: 'carol', relates: ['rateStars'],
      body: `### Steps to reproduce
        1. Open the review form and pick 4 stars.
        2. Write fewer than 50 characters and select **Publish**.

        ### Expected
        The 4 stars stay selected.

        ### Actual
        The rating is empty and has to be picked again.`,
    },
    {
      summary: 'As a hotel guest, I want to give the dates of my stay in a review, so that readers know how recent my experience is.',
      parent: 'epicReviews', points: 1, labels: ['hotels', 'reviews'], by: 'carol',
      body: `### Acceptance criteria
        - Month and year are enough; the exact days are optional.
        - Stays more than two years ago cannot be reviewed.
        - The review shows "Stayed in March 2026" under the reviewer's name.`,
    },
    {
      summary: 'As a diner, I want to sort reviews by most helpful, so that the most useful reviews come first (depends on {{helpful}})',
      parent: 'epicReviews', points: 2, labels: ['reviews'], by: 'bob', tags: ['text-dependency', 'bracketed-note'],
      body: `### Acceptance criteria
        - "Most helpful" sorts by helpful votes, newest first when the votes are equal.
        - The chosen order is kept while I browse other restaurants.`,
    },
    {
      summary: 'Daily digest of new reviews for hosts', parent: 'epicModeration', points: 3, labels: ['hosts'], by: 'carol', tags: ['text-dependency'],
      body: `As a host, I want one daily email listing new reviews instead of one email per review, so that my inbox stays manageable.

        To be picked up after the new-review email story is done.

        [ ] The digest is sent at 08:00 in the host's time zone
        [ ] Hosts choose between instant emails, a daily digest or no emails
        [ ] No email is sent on days without new reviews`,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// ZONE: picture zone cutter
// ---------------------------------------------------------------------------------------------

const ZONE: ProjectSpec = {
  id: '10001',
  key: 'ZONE',
  name: 'Picture zone cutter',
  description: 'Admins define zones on a reference picture as a model and map each zone to a folder; uploaded pictures are cut into the zones\' folders.',
  start: '2026-09-03T09:00:00.000Z',
  spanDays: 64,
  issues: [
    {
      ref: 'bigZone', summary: 'As an admin, I want to define zones on a picture as a model, then cut uploaded pictures into the zones, so that each zone gets its own folder.',
      points: 21, labels: ['needs-refinement'], by: 'alice', tags: ['motivating', 'oversized', 'not-atomic'],
      body: `The whole product in one story, written down at the first customer workshop.

        An admin opens a reference picture (for example a scanned claim form), draws rectangles on it, names each rectangle and picks a folder for it. That set of zones is saved as a model. Later, users upload pictures of the same kind; each picture is cut along the zones and every piece is stored in its zone's folder. Models change over time, so they need versions, and customers upload hundreds of pictures at a time.

        ### Open questions
        - What happens when an uploaded picture is not the same size as the reference picture?
        - Who may change a model that is in use?`,
    },
    {
      ref: 'epicEditor', type: 'Epic', summary: 'Zone model editor', status: 'In Progress', labels: ['editor'], by: 'alice',
      body: `Admins create a model: a reference picture with named zones, each mapped to a folder.

        Split out of {{bigZone}}.`,
    },
    {
      ref: 'epicCutting', type: 'Epic', summary: 'Cutting uploaded pictures', labels: ['cutting'], by: 'alice',
      body: 'Users upload pictures against a model; each picture is cut along the model\'s zones and the pieces are stored in the zones\' folders. Split out of {{bigZone}}.',
    },
    {
      ref: 'epicVersions', type: 'Epic', summary: 'Model versions and audit', labels: ['audit'], by: 'alice',
      body: 'Models change. Every picture must stay traceable to the model version that cut it, and every change to a model is logged for our customers\' auditors.',
    },
    {
      ref: 'epicBatch', type: 'Epic', summary: 'Batch uploads', labels: ['batch'], by: 'bob',
      body: 'Customers deliver pictures in batches of several hundred. Upload, follow and fix a whole batch at once.',
    },
    {
      ref: 'refPicture', summary: 'As an admin, I want to upload a reference picture for a new model, so that I can draw zones on it.',
      parent: 'epicEditor', status: 'Done', points: 3, labels: ['editor'], by: 'alice', tags: ['chain'],
      body: `### Acceptance criteria
        - JPEG, PNG and TIFF files up to 50 MB are accepted.
        - The picture is shown at full width, with zoom from 25% to 400%.
        - The model stays a draft until it has at least one zone.`,
    },
    {
      ref: 'drawZone', summary: 'As an admin, I want to draw a rectangular zone on the reference picture, so that I can mark an area to cut out.',
      parent: 'epicEditor', status: 'In Progress', points: 5, labels: ['editor'], by: 'bob', blockedBy: ['refPicture'], tags: ['chain'],
      body: `Given a model with a reference picture
        When I drag from one corner to the opposite corner
        Then a rectangle is drawn and saved as a zone

        Given I have drawn a rectangle smaller than 10 × 10 pixels
        When I release the mouse button
        Then no zone is saved and a hint explains the minimum size`,
    },
    {
      type: 'Subtask', summary: 'Snap zone edges to the picture border within 5 px', parent: 'drawZone', status: 'In Progress', by: 'bob',
      body: 'Admins miss the border by a few pixels and end up with thin empty strips in the cut pieces.',
    },
    {
      type: 'Subtask', summary: 'Draw zones with the keyboard', parent: 'drawZone', by: 'alice',
      body: 'Arrow keys move the cursor, Shift with the arrows grows the rectangle, Enter saves it. Needed for the accessibility review.',
    },
    {
      summary: 'As an admin, I want to move and resize a zone, so that it covers exactly the area I need.',
      parent: 'epicEditor', points: 5, labels: ['editor'], by: 'bob', tags: ['not-atomic'],
      body: `### Acceptance criteria
        - A zone moves when I drag its inside and resizes when I drag a corner or an edge.
        - Zones cannot be moved outside the picture.
        - Changes are saved as soon as I let go.`,
    },
    {
      summary: 'As an admin, I want to create and delete zones, so that the model fits the layout of the picture.',
      parent: 'epicEditor', points: 5, labels: ['editor'], by: 'alice', tags: ['not-atomic'],
      body: `### Acceptance criteria
        - Deleting a zone asks for confirmation when pictures have already been cut into it.
        - A deleted zone can be restored for 30 days.`,
    },
    {
      summary: 'As an admin, I want to give each zone a name, so that I can tell the zones apart.',
      parent: 'epicEditor', status: 'In Review', points: 2, labels: ['editor'], by: 'bob',
      body: `### Acceptance criteria
        - Names are unique within a model.
        - Names use letters, digits, spaces and dashes, up to 40 characters.`,
    },
    {
      ref: 'mapFolder', summary: 'As an admin, I want to map each zone to a folder, so that the cut pieces land where my team expects them.',
      parent: 'epicEditor', points: 3, labels: ['editor'], by: 'alice', blockedBy: ['drawZone'], tags: ['chain', 'duplicate'],
      body: FOLDER_CRITERIA,
    },
    {
      summary: 'As a developer, I want a job queue for cutting uploaded pictures, so that uploads do not time out.',
      parent: 'epicCutting', points: 5, labels: ['backend'], by: 'bob', tags: ['technical'],
      body: 'Cutting a 40 MB scan into 12 zones takes up to 20 seconds, and the upload request gives up after 30. Move the cutting to a background worker.',
    },
    {
      ref: 'cutUpload', summary: 'As a user, I want to upload pictures against a model, so that they are cut into the zones\' folders.',
      parent: 'epicCutting', points: 8, labels: ['cutting'], by: 'bob', blockedBy: ['mapFolder'], tags: ['chain'],
      body: `### Acceptance criteria
        - I choose a published model, then the picture.
        - Each zone's piece is stored in that zone's folder, named after the picture and the zone.
        - A preview of the pieces is shown when cutting has finished.
        - A picture of a different size from the reference picture is scaled before it is cut.`,
    },
    {
      type: 'Subtask', summary: 'Write cut pieces to folder storage', parent: 'cutUpload', by: 'alice',
      body: 'File name: picture name, a dash, the zone name, and the original extension. Never overwrite: add a number when the name exists.',
    },
    {
      summary: 'Refactor the upload service into separate receive and cut steps', parent: 'epicCutting', points: null, labels: ['tech-debt'], by: 'bob', tags: ['technical'],
      body: 'The upload service reads the whole file into memory and cuts it within the same request. Split it so the file is streamed to storage first.',
    },
    {
      summary: 'Upgrade the image processing library to the next major version', points: 3, labels: ['tech-debt'], by: 'bob', tags: ['technical'],
      body: `Our version is out of support in January and mishandles large TIFF files.

        [x] Release notes checked for breaking changes
        [ ] Cut results compared on the 200 reference pictures`,
    },
    {
      summary: 'As an admin, I want to manage the models of each customer, so that their pictures are cut the right way.',
      parent: 'epicEditor', points: 13, by: 'alice', tags: ['oversized'],
      body: `List, search, publish, archive and copy models, and see which uploads use each model.

        ### Acceptance criteria
        - Models can be listed per customer and searched by name.
        - A model can be published, archived and copied.
        - Each model shows the uploads that used it.`,
    },
    {
      summary: 'As an admin, I want to map each zone to a target folder, so that the cut pieces land where my team expects them.',
      parent: 'epicEditor', points: null, by: 'bob', tags: ['duplicate'], copyOf: 'mapFolder',
      body: FOLDER_CRITERIA,
    },
    {
      ref: 'modelVersion', summary: 'As an admin, I want a new model version saved whenever I change its zones, so that pictures cut earlier still match the version that cut them.',
      parent: 'epicVersions', points: 8, labels: ['audit'], by: 'alice',
      body: `### Acceptance criteria
        - Publishing a changed model creates the next version; earlier versions become read-only.
        - Uploads in progress finish with the version they started with.
        - The model list shows the current version number.`,
    },
    {
      summary: 'As a user, I want to see which model version cut a picture, so that I can explain unexpected pieces to my customer.',
      parent: 'epicVersions', points: 3, labels: ['audit'], by: 'bob', tags: ['text-dependency'],
      body: `Depends on {{modelVersion}}.

        ### Acceptance criteria
        - The picture's details show the model name and version.
        - Selecting the version shows that version's zones over the picture.`,
    },
    {
      summary: 'As an auditor, I want a log of who changed which model and when, so that I can check changes during a compliance review.',
      parent: 'epicVersions', points: 5, labels: ['audit'], by: 'alice',
      body: `[ ] Creating, changing, publishing and deleting a model or a zone is logged
        [ ] Each entry has the user, the time and the values before and after
        [ ] The log can be exported as CSV for a date range
        [ ] Nobody can edit or delete log entries`,
    },
    {
      summary: 'As an admin, I want to roll back a model to an earlier version, so that I can undo a bad change.',
      parent: 'epicVersions', points: 5, labels: ['audit'], by: 'alice',
      body: `### Acceptance criteria
        - Any earlier version can be made the current one again; this creates a new version with the old zones.
        - Pictures already cut are not cut again.`,
    },
    {
      ref: 'batchFolder', summary: 'As a user, I want to upload a folder of pictures at once, so that I don\'t have to pick them one by one.',
      parent: 'epicBatch', points: 8, labels: ['batch'], by: 'bob',
      body: `### Acceptance criteria
        - Up to 500 pictures or 5 GB per batch.
        - Files that are not pictures are skipped and listed at the end.
        - The batch carries on if one picture fails to cut.`,
    },
    {
      summary: 'As a user, I want to see the progress of a batch, so that I know when the cut pictures are ready.',
      parent: 'epicBatch', points: 3, labels: ['batch'], by: 'bob', blockedBy: ['batchFolder'],
      body: `### Acceptance criteria
        - Shows how many pictures are done, failed and waiting, refreshed every 5 seconds.
        - An email tells me the batch has finished.
        - Failed pictures can be retried from the list.`,
    },
    {
      summary: 'As an operator, I want to upload, preview, re-cut, download and delete batches, so that I can handle a customer\'s delivery in one place.',
      parent: 'epicBatch', points: null, labels: ['batch'], by: 'alice', tags: ['oversized'],
    },
    {
      summary: 'As a user, I want all batch uploads processed quickly, so that the tool feels user-friendly.',
      parent: 'epicBatch', points: null, by: 'bob', tags: ['vague'],
    },
    {
      summary: 'Zone editor UI only (backend later)', parent: 'epicEditor', status: 'In Progress', points: 5, labels: ['frontend'], by: 'bob',
      tags: ['horizontal-slice', 'bracketed-note'],
      body: `Canvas, toolbar and zone list, wired to fake data for now.

        ### Acceptance criteria
        - The editor works in current Chrome, Firefox, Safari and Edge.
        - Zones drawn on the canvas appear in the zone list.`,
    },
    {
      summary: 'Zone thumbnails in the model list', parent: 'epicEditor', points: 2, by: 'alice', tags: ['missing-role'],
      body: `### Acceptance criteria
        - Each model in the list shows its reference picture with the zones drawn as outlines.
        - Thumbnails are at most 200 px wide.`,
    },
    {
      summary: 'As an admin, I want to copy a model.', parent: 'epicEditor', points: 2, by: 'alice', tags: ['missing-benefit'],
      body: 'The copy includes zones, names and folders, and starts as a draft.',
    },
    {
      type: 'Bug', summary: 'Zones are shifted on portrait pictures taken with a phone', status: 'In Progress', labels: ['cutting'], by: 'bob',
      body: `Pictures with EXIF orientation 6 are cut as if they were landscape, so every piece comes from the wrong place.

        ### Steps to reproduce
        1. Upload a portrait photo taken with a phone against the "Claim form A4" model.
        2. Open the cut pieces.

        ### Expected
        The pieces match the zones.

        ### Actual
        The pieces are rotated and cut from the wrong places.`,
    },
    {
      type: 'Bug', summary: 'Cut pieces can be opened without signing in through guessable addresses', status: 'In Progress', labels: ['security'], by: 'alice', restricted: true,
      body: 'Piece addresses look like `/pieces/10482.jpg` with consecutive numbers, so anyone with one address can guess the others. Keep this issue confidential until the fix is released.',
    },
    {
      summary: 'As an admin of the insurance pilot, I want our models hidden from other customers, so that the layout of our claim forms stays confidential.',
      points: 5, labels: ['pilot'], by: 'alice', restricted: true,
      body: `Pilot customer: Harbour Mutual (the name stays inside the team until the contract is signed).

        ### Acceptance criteria
        - A model belongs to one customer and is listed only for that customer's users.
        - Support staff see a pilot model only after the customer grants them access.`,
    },
    {
      type: 'Task', summary: 'Set up a nightly backup of model definitions', labels: ['infra'], by: 'bob',
      body: 'Models live only in the primary database today. Back them up every night and keep 30 days of copies.',
    },
    {
      summary: 'As a user, I want to download the pieces of a cut picture as one ZIP file, so that I can pass them on in one go.',
      parent: 'epicCutting', points: 3, labels: ['cutting'], by: 'bob',
      body: `### Acceptance criteria
        - The ZIP keeps the zones' folder structure.
        - Downloads over 1 GB are split into parts.`,
    },
    {
      summary: 'Zone overlap warning', parent: 'epicEditor', points: 2, labels: ['editor'], by: 'bob',
      body: `As an admin, I want a warning when two zones overlap, so that no part of a picture ends up in two folders by mistake.

        Given two zones on a model
        When I move one of them so that it overlaps the other
        Then both zones are outlined in orange
        And the model can still be saved`,
    },
    {
      summary: 'As a user, I want a warning when a picture is much smaller than the model\'s reference picture, so that I can upload a sharper scan before it is cut.',
      parent: 'epicCutting', points: 2, labels: ['cutting'], by: 'bob',
      body: `Given a model whose reference picture is 2480 × 3508 pixels
        When I upload a picture narrower than half of that
        Then I see a warning with both sizes
        And I can upload a different picture or cut this one anyway`,
    },
    {
      summary: 'As an admin, I want to choose JPEG or PNG for the cut pieces, so that they fit our customer\'s archive system.',
      parent: 'epicCutting', points: 2, labels: ['cutting'], by: 'alice',
    },
  ],
};

export const PROJECTS: readonly ProjectSpec[] = [FOOD, ZONE];

// ---------------------------------------------------------------------------------------------
// Description markup -> ADF
// ---------------------------------------------------------------------------------------------

interface Mark {
  type: string;
  attrs?: Record<string, unknown>;
}
interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  text?: string;
  marks?: Mark[];
}

const INLINE = /\*\*(.+?)\*\*|`([^`]+)`|\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/g;

function textNode(text: string, marks?: Mark[]): AdfNode {
  return marks ? { type: 'text', text, marks } : { type: 'text', text };
}

/** One line of markup -> ADF inline nodes. */
export function inline(line: string): AdfNode[] {
  const out: AdfNode[] = [];
  let last = 0;
  for (const m of line.matchAll(INLINE)) {
    if (m.index > last) out.push(textNode(line.slice(last, m.index)));
    if (m[1] !== undefined) out.push(textNode(m[1], [{ type: 'strong' }]));
    else if (m[2] !== undefined) out.push(textNode(m[2], [{ type: 'code' }]));
    else out.push(textNode(m[3]!, [{ type: 'link', attrs: { href: m[4]! } }]));
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push(textNode(line.slice(last)));
  return out;
}

type BlockKind = 'heading' | 'bullet' | 'ordered' | 'task' | 'text';

function lineKind(line: string): { kind: BlockKind; text: string; done?: boolean } {
  let m: RegExpExecArray | null;
  if ((m = /^###\s+(.*)$/.exec(line))) return { kind: 'heading', text: m[1]! };
  if ((m = /^-\s+(.*)$/.exec(line))) return { kind: 'bullet', text: m[1]! };
  if ((m = /^\d+\.\s+(.*)$/.exec(line))) return { kind: 'ordered', text: m[1]! };
  if ((m = /^\[([ xX])\]\s+(.*)$/.exec(line))) return { kind: 'task', text: m[2]!, done: m[1] !== ' ' };
  return { kind: 'text', text: line };
}

/** Description markup -> an ADF document. `idPrefix` makes task-list local ids unique and stable. */
export function toAdf(markup: string, idPrefix: string): { type: 'doc'; version: 1; content: AdfNode[] } {
  const content: AdfNode[] = [];
  let tasks = 0;
  let open: { kind: BlockKind; node: AdfNode } | null = null;
  for (const raw of markup.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      open = null;
      continue;
    }
    const { kind, text, done } = lineKind(line);
    if (kind === 'heading') {
      content.push({ type: 'heading', attrs: { level: 3 }, content: inline(text) });
      open = null;
      continue;
    }
    if (open && open.kind === kind) {
      const list = open.node.content!;
      if (kind === 'text') list.push({ type: 'hardBreak' }, ...inline(text));
      else if (kind === 'task') {
        list.push({ type: 'taskItem', attrs: { localId: `${open.node.attrs!.localId as string}-${list.length + 1}`, state: done ? 'DONE' : 'TODO' }, content: inline(text) });
      } else list.push({ type: 'listItem', content: [{ type: 'paragraph', content: inline(text) }] });
      continue;
    }
    let node: AdfNode;
    if (kind === 'text') node = { type: 'paragraph', content: inline(text) };
    else if (kind === 'task') {
      const localId = `${idPrefix}-tasks-${++tasks}`;
      node = { type: 'taskList', attrs: { localId }, content: [{ type: 'taskItem', attrs: { localId: `${localId}-1`, state: done ? 'DONE' : 'TODO' }, content: inline(text) }] };
    } else {
      const item = { type: 'listItem', content: [{ type: 'paragraph', content: inline(text) }] };
      node = kind === 'bullet' ? { type: 'bulletList', content: [item] } : { type: 'orderedList', attrs: { order: 1 }, content: [item] };
    }
    content.push(node);
    open = { kind, node };
  }
  return { type: 'doc', version: 1, content };
}

/** Whether the markup carries acceptance criteria the way teams write them: a section, a checklist, or Given/When/Then. */
export function hasAcceptanceCriteria(markup: string | undefined): boolean {
  if (!markup) return false;
  return markup.split('\n').some((raw) => {
    const line = raw.trim();
    return /^###\s+(acceptance criteria|definition of done)\b/i.test(line) || /^\[[ xX]\]\s/.test(line) || /^given\b/i.test(line);
  });
}

// ---------------------------------------------------------------------------------------------
// Specs -> project file
// ---------------------------------------------------------------------------------------------

const DAY = 86_400_000;
const LATEST = Date.parse('2026-11-15T17:00:00.000Z');

function dates(project: ProjectSpec, index: number, status: Status): { created: string; updated: string } {
  const n = project.issues.length;
  const day = Math.floor((index * project.spanDays) / n);
  const created = Date.parse(project.start) + day * DAY + ((index * 5) % 9) * 3_600_000 + ((index * 17) % 60) * 60_000;
  const worked = { 'To Do': index % 4, 'In Progress': 5 + (index % 6), 'In Review': 8 + (index % 5), Done: 6 + (index % 7) }[status];
  const updated = Math.min(created + worked * DAY + ((index * 7) % 5) * 3_600_000, LATEST);
  return { created: new Date(created).toISOString(), updated: new Date(updated).toISOString() };
}

interface Built {
  issue: IssueInput & { labels: string[]; links: LinkInput[] };
  spec: Spec;
  project: string;
}

function buildAll(): Built[] {
  const keyOf = new Map<string, string>();
  for (const project of PROJECTS) {
    project.issues.forEach((spec, i) => {
      if (!spec.ref) return;
      if (keyOf.has(spec.ref)) throw new Error(`duplicate ref ${spec.ref}`);
      keyOf.set(spec.ref, `${project.key}-${i + 1}`);
    });
  }
  const resolve = (ref: string): string => {
    const key = keyOf.get(ref);
    if (!key) throw new Error(`unknown ref ${ref}`);
    return key;
  };
  const fill = (text: string): string => text.replace(/\{\{(\w+)\}\}/g, (_, ref: string) => resolve(ref));

  const built: Built[] = [];
  const byKey = new Map<string, Built>();
  for (const project of PROJECTS) {
    project.issues.forEach((spec, i) => {
      const key = `${project.key}-${i + 1}`;
      const status = spec.status ?? 'To Do';
      const type = spec.type ?? 'Story';
      const issue: Built['issue'] = {
        key,
        issueType: type,
        summary: fill(spec.summary),
        description: spec.body ? toAdf(fill(spec.body), key) : null,
        status,
        storyPoints: spec.points ?? null,
        labels: spec.labels ?? [],
        ...(spec.parent ? { parent: resolve(spec.parent) } : {}),
        links: [],
        ...(spec.restricted ? { securityLevel: 'restricted' as const } : {}),
        reporter: USERS[spec.by].accountId,
        ...dates(project, i, status),
      };
      const entry = { issue, spec, project: project.key };
      built.push(entry);
      byKey.set(key, entry);
    });
  }

  const link = (from: string, type: LinkInput['type'], direction: LinkInput['direction'], to: string) => {
    const issue = byKey.get(from)!.issue;
    if (!issue.links.some((l) => l.type === type && l.direction === direction && l.key === to)) issue.links.push({ type, direction, key: to });
  };
  /** `from` acts on `to` (blocks, relates to, duplicates): outward on `from`, inward on `to`. */
  const pair = (from: string, type: LinkInput['type'], to: string) => {
    link(from, type, 'outward', to);
    link(to, type, 'inward', from);
  };
  for (const { issue, spec } of built) {
    for (const ref of spec.blockedBy ?? []) pair(resolve(ref), 'Blocks', issue.key);
    for (const ref of spec.relates ?? []) pair(issue.key, 'Relates', resolve(ref));
    for (const ref of spec.duplicates ?? []) pair(issue.key, 'Duplicate', resolve(ref));
  }
  return built;
}

/** The sample project file, as written to `project.json`. */
export function buildSample(): FileInput {
  return {
    fields: FIELDS,
    projects: PROJECTS.map(({ id, key, name, description }) => ({ id, key, name, description })),
    users: [...Object.values(USERS), VIEWER],
    issues: buildAll().map((b) => b.issue),
  };
}

/** The exact text of `project.json`. */
export function renderSample(): string {
  return `${JSON.stringify(buildSample(), null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Category counts (for the README)
// ---------------------------------------------------------------------------------------------

type Row = [label: string, food: number, zone: number];

export function categoryCounts(): Row[] {
  const all = buildAll();
  /** `count` gives a number (links) or a yes/no (issues). */
  const row = (label: string, count: (b: Built) => number | boolean): Row => {
    const sum = (project: string) => all.filter((b) => b.project === project).reduce((n, b) => n + Number(count(b)), 0);
    return [label, sum('FOOD'), sum('ZONE')];
  };
  const story = (b: Built) => b.issue.issueType === 'Story';
  const plural: Record<IssueType, string> = { Epic: 'Epics', Story: 'Stories', Subtask: 'Subtasks', Task: 'Tasks', Bug: 'Bugs' };
  return [
    row('Issues', () => true),
    ...(Object.keys(plural) as IssueType[]).map((t) => row(plural[t], (b) => b.issue.issueType === t)),
    ...(['To Do', 'In Progress', 'In Review', 'Done'] as const).map((s) => row(`Status ${s}`, (b) => b.issue.status === s)),
    row('Restricted issues (security level)', (b) => b.issue.securityLevel === 'restricted'),
    row('Blocks links (counted once, on the blocked issue)', (b) => b.issue.links.filter((l) => l.type === 'Blocks' && l.direction === 'inward').length),
    row('Stories without an estimate', (b) => story(b) && b.issue.storyPoints === null),
    row('Stories without acceptance criteria', (b) => story(b) && !hasAcceptanceCriteria(b.spec.body)),
    ...(Object.keys(TAGS) as Tag[]).map((tag) => row(TAGS[tag], (b) => (b.spec.tags ?? []).includes(tag))),
    row(
      'Stories with no planted problem (estimated, with acceptance criteria, no tag, no blocker)',
      (b) => story(b) && !b.spec.tags?.length && b.issue.storyPoints !== null && hasAcceptanceCriteria(b.spec.body) && !b.spec.blockedBy?.length,
    ),
  ];
}

/** The issues worth knowing by key, as a Markdown table (what the README shows). */
export function notableTable(): string {
  const all = buildAll();
  const keyOf = new Map(all.flatMap((b) => (b.spec.ref ? [[b.spec.ref, b.issue.key] as const] : [])));
  const keys = (test: (b: Built) => boolean) => all.filter(test).map((b) => b.issue.key);
  const tagged = (tag: Tag) => (b: Built) => (b.spec.tags ?? []).includes(tag);
  const motivating = all.filter(tagged('motivating'));
  const technical = motivating.find(tagged('technical'))!;
  const epicSized = motivating.find((b) => b !== technical)!;
  const rows: [string, string][] = [
    ['Motivating technical story', `${technical.issue.key} (blocks ${keyOf.get('photoUpload')}, the user story it serves)`],
    ['Epic-sized zone story', epicSized.issue.key],
    ['Dependency cycle (each blocked by the next, the last by the first)', keys(tagged('cycle')).join(', ')],
    ['Longest chain (each blocked by the next)', keys(tagged('chain')).reverse().join(', ')],
    ['Unlinked duplicate pairs', all.filter((b) => b.spec.copyOf).map((b) => `${keyOf.get(b.spec.copyOf!)} / ${b.issue.key}`).join('; ')],
    ['Restricted issues', keys((b) => b.issue.securityLevel === 'restricted').join(', ')],
    ['Hostile text (rendering test)', keys(tagged('hostile')).join(', ')],
  ];
  return ['| Issue | Keys |', '| --- | --- |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n');
}

/** The counts as a Markdown table (what the README shows). */
export function countsTable(): string {
  const lines = ['| Category | FOOD | ZONE | Total |', '| --- | ---: | ---: | ---: |'];
  for (const [label, food, zone] of categoryCounts()) lines.push(`| ${label} | ${food} | ${zone} | ${food + zone} |`);
  return lines.join('\n');
}

if (require.main === module) {
  const text = renderSample();
  sampleProjectFileSchema.parse(JSON.parse(text));
  const out = join(__dirname, 'project.json');
  writeFileSync(out, text);
  console.log(`wrote ${out}\n`);
  console.log(countsTable());
  console.log();
  console.log(notableTable());
}
