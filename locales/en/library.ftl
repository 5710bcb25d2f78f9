library-home = Knowledge hub: case studies, after-action reviews, checklists, templates, toolkits and stories from other groups. Each is a small text file you can read offline; its size is shown before you download. Browse by type or by track, or search with /library and a word. To share your own story: /submit
library-by-track = By track
library-choose-track = Knowledge hub: pick a track.
library-track = { $track } ({ $count })
library-back = « Knowledge hub
library-page = { $what } · { $page }/{ $pages }
library-empty-list = Nothing here yet.
library-entry = { $number }. { $title }
    { $summary }
    { $type } · { $size }
library-download = ⬇ { $number } ({ $size })
library-none = Nothing in the hub matches that yet.
library-found = Found { $count }:
library-found-more = The first { $shown } are shown; add a word to narrow it down.
library-sent = Sent.
library-caption = { $title }: for reading offline.
library-shared = shared by its author for the knowledge hub, { $date }
library-type-case-study = Case study
library-type-after-action = After-action review
library-type-checklist = Checklist
library-type-template = Template
library-type-toolkit = Toolkit
library-type-story = Story
library-types-case-study = Case studies ({ $count })
library-types-after-action = After-action reviews ({ $count })
library-types-checklist = Checklists ({ $count })
library-types-template = Templates ({ $count })
library-types-toolkit = Toolkits ({ $count })
library-types-story = Stories ({ $count })
library-submit-usage = To share a participant's story on their behalf: /submit followed by their Telegram id. To share your own: /submit
library-author-unknown = I can't find that person among the people you work with. Check the Telegram id.
library-submit-for = You are writing on behalf of { $user }. They will see every word and decide whether it is shared.
library-submit-kind = What would you like to share with the knowledge hub?
library-submit-title = Give it a short title (up to { $max } characters).
library-submit-text = Now write it, in up to { $max } characters: what happened, what worked, what didn't, and why. Leave out names and anything that could put people or places at risk.
library-title-length = The title needs { $min } to { $max } characters; this one has { $length }.
library-text-length = The text needs { $min } to { $max } characters; this one has { $length }.
library-submit-confirm = Share this with the knowledge hub? A coordinator reads it first, and your name is never shown.
library-submit-confirm-behalf = Ask the author whether this may be shared? Nothing is shared unless they say yes, and a coordinator approves it.
library-share = Yes, share it
library-ask-author = Ask the author
library-cancel = Cancel
library-submit-cancelled = Cancelled. Nothing was kept.
library-submit-sent = Thank you. A coordinator will read it; you will hear when it is published.
library-submit-asked = I asked the author. It goes to a coordinator only if they say yes; you will hear their answer.
library-consent-ask = Someone from your exchange wrote this { $kind } with you for the knowledge hub, where other groups can read it. Your name is never shown.

    { $title }

    { $text }

    May it be shared? If you say no, it is deleted.
library-consent-yes = Yes, share it
library-consent-no = No, delete it
library-consent-thanks = Thank you. A coordinator will read it before it is published.
library-consent-deleted = It will not be shared, and the text was deleted.
library-consent-given = The author agreed to share "{ $title }". A coordinator will review it.
library-consent-refused = The author said no to sharing "{ $title }". The text was deleted.
library-review-none = No submissions are waiting for review.
library-review-head = Waiting for review: { $count }. This one: #{ $id } · { $kind } · { $language } · { $date }
library-approve = ✅ Publish
library-decline = ✖ Decline
library-review-already = Already decided.
library-review-approved = Published: "{ $title }".
library-review-declined = Declined: "{ $title }".
library-approved = Your submission "{ $title }" is now in the knowledge hub (/library). Thank you for sharing it.
library-declined = Your submission "{ $title }" was not published this time. Thank you for sharing it with us.
library-publish-ask = Publish "{ $title }" in the library? Everyone who uses the library will be able to read and download it; the author is never named.
library-publish-yes = ✅ Yes, publish it
library-publish-back = « Back
