package intl

import (
	"strconv"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // time zones on any machine, as ICU carries its own
)

// dateSpec is a DateTimeFormat's resolved options.
type dateSpec struct {
	locale, tz                string
	loc                       *time.Location
	hourCycle                 string // h11 h12 h23 h24, "" without hour
	weekday, era, year, month string
	day, dayPeriod, hour      string
	minute, second, tzName    string
	fsd                       int
	dateStyle, timeStyle      string
	pattern                   []patItem
	dateEnd                   int // pattern items up to here are the date
	usedMinute2, usedSecond2  bool
	resolvedHour              string
}

// patItem is one field or literal of a pattern.
type patItem struct {
	field string // "" for a literal
	width string // the field's option value
	lit   string
}

func lit(s string) patItem               { return patItem{lit: s} }
func fld(name, width string) patItem     { return patItem{field: name, width: width} }
func (s *dateSpec) add(items ...patItem) { s.pattern = append(s.pattern, items...) }

// build makes the en-US pattern for the resolved components (ICU's
// skeleton matching for the en data, the combinations it yields).
func (s *dateSpec) build() {
	if s.dateStyle != "" || s.timeStyle != "" {
		s.buildStyles()
		return
	}
	textMonth := s.month == "long" || s.month == "short" || s.month == "narrow"
	hasDate := s.weekday != "" || s.year != "" || s.month != "" || s.day != "" || s.era != ""
	if hasDate {
		switch {
		case textMonth:
			if s.weekday != "" {
				s.add(fld("weekday", s.weekday), lit(", "))
			}
			s.add(fld("month", s.month))
			if s.day != "" {
				s.add(lit(" "), fld("day", s.day))
				if s.year != "" {
					s.add(lit(", "))
				}
			} else if s.year != "" {
				s.add(lit(" "))
			}
			if s.year != "" {
				s.add(fld("year", s.year))
			}
		case s.month != "":
			if s.weekday != "" {
				s.add(fld("weekday", s.weekday), lit(", "))
			}
			s.add(fld("month", s.month))
			if s.day != "" {
				s.add(lit("/"), fld("day", s.day))
			}
			if s.year != "" {
				s.add(lit("/"), fld("year", s.year))
			}
		default:
			var items []patItem
			if s.day != "" {
				items = append(items, fld("day", s.day))
			}
			if s.year != "" {
				if len(items) > 0 {
					items = append(items, lit(" "))
				}
				items = append(items, fld("year", s.year))
			}
			if s.weekday != "" {
				if len(items) > 0 {
					items = append(items, lit(" "))
				}
				items = append(items, fld("weekday", s.weekday))
			}
			s.add(items...)
		}
		if s.era != "" {
			if len(s.pattern) > 0 {
				s.add(lit(" "))
			}
			s.add(fld("era", s.era))
		}
	}
	s.dateEnd = len(s.pattern)
	hasTime := s.hour != "" || s.minute != "" || s.second != "" || s.fsd > 0 || s.dayPeriod != ""
	if hasTime {
		if hasDate {
			if textMonth && s.month == "long" {
				s.add(lit(" at "))
			} else {
				s.add(lit(", "))
			}
		}
		s.buildTime(s.hour, s.minute, s.second, s.fsd)
	}
	if s.tzName != "" {
		if hasTime {
			s.add(lit(" "))
		} else if hasDate {
			s.add(lit(", "))
		}
		s.add(fld("timeZoneName", s.tzName))
	}
}

func (s *dateSpec) twelve() bool { return s.hourCycle == "h12" || s.hourCycle == "h11" }

func (s *dateSpec) buildTime(hour, minute, second string, fsd int) {
	if hour != "" {
		h := hour
		if !s.twelve() {
			h = "2-digit"
		}
		s.resolvedHour = h
		s.add(fld("hour", h))
		if minute != "" || second != "" {
			s.add(lit(":"), fld("minute", "2-digit"))
			s.usedMinute2 = true
		}
		if second != "" {
			s.add(lit(":"), fld("second", "2-digit"))
			s.usedSecond2 = true
		}
	} else {
		switch {
		case minute != "" && second != "":
			s.add(fld("minute", "2-digit"), lit(":"), fld("second", "2-digit"))
			s.usedMinute2, s.usedSecond2 = true, true
		case minute != "":
			s.add(fld("minute", "numeric"))
		case second != "":
			s.add(fld("second", "numeric"))
		}
	}
	if fsd > 0 {
		if len(s.pattern) > s.dateEnd && s.pattern[len(s.pattern)-1].field == "second" {
			s.add(lit("."))
		}
		s.add(fld("fractionalSecond", strconv.Itoa(fsd)))
	}
	if hour != "" && s.twelve() || s.dayPeriod != "" {
		if len(s.pattern) > s.dateEnd && s.pattern[len(s.pattern)-1].lit == "" {
			s.add(lit(" "))
		}
		if s.dayPeriod != "" {
			s.add(fld("dayPeriodFlex", s.dayPeriod))
		} else {
			if n := len(s.pattern); n > 0 && s.pattern[n-1].lit == " " {
				// CLDR 42's narrow no-break space before AM/PM: node's
				// format() prints a space there, formatToParts and
				// formatRange keep it (formatString)
				s.pattern[n-1].lit = "\u202f"
			}
			s.add(fld("dayPeriod", "short"))
		}
	}
}

func (s *dateSpec) buildStyles() {
	switch s.dateStyle {
	case "full":
		s.add(fld("weekday", "long"), lit(", "), fld("month", "long"), lit(" "), fld("day", "numeric"), lit(", "), fld("year", "numeric"))
	case "long":
		s.add(fld("month", "long"), lit(" "), fld("day", "numeric"), lit(", "), fld("year", "numeric"))
	case "medium":
		s.add(fld("month", "short"), lit(" "), fld("day", "numeric"), lit(", "), fld("year", "numeric"))
	case "short":
		s.add(fld("month", "numeric"), lit("/"), fld("day", "numeric"), lit("/"), fld("year", "2-digit"))
	}
	s.dateEnd = len(s.pattern)
	if s.timeStyle == "" {
		return
	}
	if s.dateStyle == "full" || s.dateStyle == "long" {
		s.add(lit(" at "))
	} else if s.dateStyle != "" {
		s.add(lit(", "))
	}
	sec := ""
	if s.timeStyle != "short" {
		sec = "2-digit"
	}
	s.buildTime("numeric", "2-digit", sec, 0)
	switch s.timeStyle {
	case "full":
		s.add(lit(" "), fld("timeZoneName", "long"))
	case "long":
		s.add(lit(" "), fld("timeZoneName", "short"))
	}
}

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
var weekdayNames = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// format renders the instant ms (a time value within ±8.64e15).
func (s *dateSpec) format(ms int64) []part {
	t := time.UnixMilli(ms).In(s.loc)
	out := make([]part, 0, len(s.pattern))
	for _, it := range s.pattern {
		if it.field == "" {
			out = append(out, part{"literal", it.lit})
			continue
		}
		out = append(out, part{fieldType(it.field), s.fieldValue(t, it)})
	}
	return out
}

func fieldType(f string) string {
	if f == "dayPeriodFlex" {
		return "dayPeriod"
	}
	return f
}

func twoDigits(n int) string {
	if n < 10 && n >= 0 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func (s *dateSpec) fieldValue(t time.Time, it patItem) string {
	num := func(n int) string {
		if it.width == "2-digit" {
			return twoDigits(n)
		}
		return strconv.Itoa(n)
	}
	switch it.field {
	case "weekday":
		n := weekdayNames[t.Weekday()]
		switch it.width {
		case "short":
			return n[:3]
		case "narrow":
			return n[:1]
		}
		return n
	case "era":
		bc := t.Year() <= 0
		switch it.width {
		case "long":
			if bc {
				return "Before Christ"
			}
			return "Anno Domini"
		case "narrow":
			if bc {
				return "B"
			}
			return "A"
		}
		if bc {
			return "BC"
		}
		return "AD"
	case "year":
		y := t.Year()
		if y <= 0 {
			y = 1 - y
		}
		if it.width == "2-digit" {
			return twoDigits(y % 100)
		}
		return strconv.Itoa(y)
	case "month":
		m := int(t.Month())
		switch it.width {
		case "long":
			return monthNames[m-1]
		case "short":
			return monthNames[m-1][:3]
		case "narrow":
			return monthNames[m-1][:1]
		}
		return num(m)
	case "day":
		return num(t.Day())
	case "hour":
		h := t.Hour()
		switch s.hourCycle {
		case "h12":
			h %= 12
			if h == 0 {
				h = 12
			}
		case "h11":
			h %= 12
		case "h24":
			if h == 0 {
				h = 24
			}
		}
		return num(h)
	case "minute":
		return num(t.Minute())
	case "second":
		return num(t.Second())
	case "fractionalSecond":
		n, _ := strconv.Atoi(it.width)
		ms := t.Nanosecond() / 1e6
		return strconv.Itoa(1000 + ms)[1 : 1+n]
	case "dayPeriod":
		if t.Hour() < 12 {
			return "AM"
		}
		return "PM"
	case "dayPeriodFlex":
		return flexDayPeriod(t.Hour(), t.Minute(), it.width)
	case "timeZoneName":
		return s.zoneName(t, it.width)
	}
	return ""
}

// flexDayPeriod is en's "B" field.
func flexDayPeriod(h, m int, width string) string {
	switch {
	case h == 12 && m == 0:
		if width == "narrow" {
			return "n"
		}
		return "noon"
	case h < 12:
		return "in the morning"
	case h >= 12 && h < 18:
		return "in the afternoon"
	case h >= 18 && h < 21:
		return "in the evening"
	case h >= 21:
		return "at night"
	}
	return "in the afternoon"
}

func (s *dateSpec) zoneName(t time.Time, width string) string {
	_, off := t.Zone()
	dst := t.IsDST()
	names, ok := zoneNames[s.tz]
	pick := func(i int) string {
		if !ok {
			return ""
		}
		return names[i]
	}
	switch width {
	case "short":
		if dst {
			if n := pick(1); n != "" {
				return n
			}
		} else if n := pick(0); n != "" {
			return n
		}
		return gmtOffset(off, false)
	case "long":
		if dst {
			if n := pick(3); n != "" {
				return n
			}
		} else if n := pick(2); n != "" {
			return n
		}
		return gmtOffset(off, true)
	case "shortGeneric":
		if n := pick(4); n != "" {
			return n
		}
		return gmtOffset(off, false)
	case "longGeneric":
		if n := pick(5); n != "" {
			return n
		}
		return gmtOffset(off, true)
	case "longOffset":
		return gmtOffset(off, true)
	}
	return gmtOffset(off, false)
}

// gmtOffset is ICU's localized GMT format: GMT, GMT+1, GMT+5:30 (short),
// GMT+01:00 (long).
func gmtOffset(off int, long bool) string {
	if off == 0 {
		return "GMT"
	}
	sign := "+"
	if off < 0 {
		sign = "-"
		off = -off
	}
	h, m := off/3600, off%3600/60
	if long {
		return "GMT" + sign + twoDigits(h) + ":" + twoDigits(m)
	}
	if m != 0 {
		return "GMT" + sign + strconv.Itoa(h) + ":" + twoDigits(m)
	}
	return "GMT" + sign + strconv.Itoa(h)
}

var zoneIndex struct {
	once sync.Once
	m    map[string]string // upper-case name -> ICU's id
}

// canonicalZone is the time zone id ICU reports for name, "" if unknown.
func canonicalZone(name string) string {
	zoneIndex.once.Do(func() {
		m := make(map[string]string, len(timeZones)+len(zoneCanonical))
		for _, z := range timeZones {
			m[strings.ToUpper(z)] = z
		}
		for k, v := range zoneCanonical {
			m[strings.ToUpper(k)] = v
		}
		for k := range zoneNames {
			if _, ok := m[strings.ToUpper(k)]; !ok {
				m[strings.ToUpper(k)] = k
			}
		}
		zoneIndex.m = m
	})
	u := strings.ToUpper(name)
	if z, ok := zoneIndex.m[u]; ok {
		return z
	}
	// Etc/GMT±h and offsets
	if strings.HasPrefix(u, "ETC/GMT") {
		if _, err := time.LoadLocation("Etc/GMT" + name[7:]); err == nil {
			return "Etc/GMT" + name[7:]
		}
	}
	if _, err := time.LoadLocation(name); err == nil && strings.Contains(name, "/") {
		return name
	}
	return ""
}

var locCache sync.Map // zone id -> *time.Location

func loadZone(id string) *time.Location {
	if l, ok := locCache.Load(id); ok {
		return l.(*time.Location)
	}
	l, err := time.LoadLocation(id)
	if err != nil {
		l = time.UTC
	}
	locCache.Store(id, l)
	return l
}
