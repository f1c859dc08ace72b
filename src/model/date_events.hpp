#pragma once
// What event a date stands for. A date column's header says what its dates hold ("Formal
// relations began", "Recognised"); a date in prose says it by the words before it in its
// sentence ("Both countries established diplomatic relations on ..."). The notes of a row of a
// "Foreign relations" table date many events besides the column's: an embassy or a consulate
// opening, credentials presented, relations broken off and restored, a treaty, a flight. Only a
// prose date naming the column's own event can contradict the column.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wikivet {

enum class DateEvent : uint8_t {
  Unnamed,      // the words name no event wikivet knows ("Date", "Year"), or several
  Relations,    // relations established or begun
  Recognition,  // one state recognising another
  Other,        // another event: an embassy, credentials, a restoration, a treaty, a flight
};
const char* to_string(DateEvent e);

// The event a date column's header names: "Formal relations began", "Date of establishment",
// "Established" are Relations; "Recognised", "Date of recognition" Recognition; anything else
// Unnamed.
DateEvent column_event(std::string_view header);

// The event that the words of a sentence before a date name. `start_words` are the words of a
// beginning ("establish", "began", ...): with "relations" (or "ties") they name Relations, and
// "recogni" names Recognition. Words of another event (embassy, consulate, legation, mission,
// credentials, ambassador, re-established, restored, resumed, reopened, upgraded, severed,
// suspended, normalised, treaty, agreement, visit, flight, railway, ...) make it Other, whatever
// else the words say.
DateEvent prose_event(std::string_view words_before_date,
                      const std::vector<std::string>& start_words);

// The default `start_words`.
const std::vector<std::string>& default_start_words();

}  // namespace wikivet
