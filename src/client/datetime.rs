//! Dates and times the filter accepts: RFC 3339 date-times (`2024-09-04T00:00:00.000Z`,
//! `2024-09-04T02:00:00+02:00`) and calendar dates (`2024-09-04`), turned into milliseconds
//! since the Unix epoch so that `gte` and `lte` can be compared. Also HTTP dates
//! (`Sun, 06 Nov 1994 08:49:37 GMT`) for `Retry-After`.

/// Which end of a day a date without a time stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayEnd {
    /// 00:00:00.000 UTC (for `gte`).
    Start,
    /// 23:59:59.999 UTC (for `lte`).
    End,
}

const MS_PER_DAY: i64 = 86_400_000;

/// Parses an RFC 3339 date-time or a `YYYY-MM-DD` date to epoch milliseconds, or explains
/// why it is neither.
pub fn parse_instant(s: &str, day_end: DayEnd) -> Result<i64, &'static str> {
    const SHAPE: &str =
        "must be an RFC 3339 date-time (2024-09-04T00:00:00Z) or a date (2024-09-04)";
    let b = s.as_bytes();
    let date = b.get(..10).ok_or(SHAPE)?;
    let days = parse_date(date).ok_or(SHAPE)?;
    let rest = b.get(10..).unwrap_or_default();
    if rest.is_empty() {
        let start = days * MS_PER_DAY;
        return Ok(match day_end {
            DayEnd::Start => start,
            DayEnd::End => start + MS_PER_DAY - 1,
        });
    }
    let (sep, time) = rest.split_first().ok_or(SHAPE)?;
    if !matches!(sep, b'T' | b't') {
        return Err(SHAPE);
    }
    let hour = two_digits(time.get(0..2))?;
    let minute = two_digits(time.get(3..5))?;
    let second = two_digits(time.get(6..8))?;
    if time.get(2) != Some(&b':') || time.get(5) != Some(&b':') {
        return Err(SHAPE);
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Err("has an hour, minute or second out of range");
    }
    let mut rest = time.get(8..).unwrap_or_default();
    let mut millis = 0i64;
    if let Some((b'.', frac)) = rest.split_first() {
        let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return Err(SHAPE);
        }
        for (i, d) in frac.iter().take(n).enumerate() {
            if i < 3 {
                millis = millis * 10 + i64::from(d - b'0');
            }
        }
        for _ in n..3 {
            millis *= 10;
        }
        rest = frac.get(n..).unwrap_or_default();
    }
    let offset_min = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let oh = two_digits(Some(&[*h1, *h2]))?;
            let om = two_digits(Some(&[*m1, *m2]))?;
            if oh > 23 || om > 59 {
                return Err("has a time zone offset out of range");
            }
            let total = oh * 60 + om;
            if *sign == b'-' {
                -total
            } else {
                total
            }
        }
        _ => return Err("must end in Z or a time zone offset like +02:00"),
    };
    if second == 60 && (hour * 60 + minute - offset_min).rem_euclid(1440) != 1439 {
        return Err("has a leap second (:60) that is not at the end of a UTC day");
    }
    let local = days * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
    Ok(local - offset_min * 60_000)
}

/// The value to send for a validated date filter: date-times as given, a bare date
/// (`2024-09-04`) as the date-time the API's spec requires — the start of that UTC day for
/// `gte` and `foc_date`, its last millisecond for `lte`.
pub fn to_date_time(s: &str, day_end: DayEnd) -> String {
    if s.len() != 10 {
        return s.to_string();
    }
    match day_end {
        DayEnd::Start => format!("{s}T00:00:00.000Z"),
        DayEnd::End => format!("{s}T23:59:59.999Z"),
    }
}

fn two_digits(b: Option<&[u8]>) -> Result<i64, &'static str> {
    match b {
        Some([a @ b'0'..=b'9', c @ b'0'..=b'9']) => {
            Ok(i64::from(a - b'0') * 10 + i64::from(c - b'0'))
        }
        _ => Err("must be an RFC 3339 date-time (2024-09-04T00:00:00Z) or a date (2024-09-04)"),
    }
}

/// `YYYY-MM-DD` to days since 1970-01-01, checking the month's length.
fn parse_date(b: &[u8]) -> Option<i64> {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = b else {
        return None;
    };
    let year = two_digits(Some(&[*y1, *y2])).ok()? * 100 + two_digits(Some(&[*y3, *y4])).ok()?;
    let month = two_digits(Some(&[*m1, *m2])).ok()?;
    let day = two_digits(Some(&[*d1, *d2])).ok()?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Parses an HTTP date in IMF-fixdate form (`Sun, 06 Nov 1994 08:49:37 GMT`) to epoch ms.
pub fn parse_http_date(s: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut parts = s.split_ascii_whitespace();
    let _weekday = parts.next()?;
    let day: i64 = parts.next()?.parse().ok()?;
    let month_name = parts.next()?;
    let month = MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(month_name))? as i64
        + 1;
    let year: i64 = parts.next()?.parse().ok()?;
    let mut hms = parts.next()?.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, sec) = (hms.next()??, hms.next()??, hms.next()??);
    if parts.next()? != "GMT" || !(1..=31).contains(&day) || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    Some(days_from_civil(year, month, day) * MS_PER_DAY + ((h * 60 + m) * 60 + sec) * 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_date_times() {
        assert_eq!(parse_instant("1970-01-01", DayEnd::Start), Ok(0));
        assert_eq!(parse_instant("1970-01-01", DayEnd::End), Ok(MS_PER_DAY - 1));
        assert_eq!(
            parse_instant("1970-01-01T00:00:01.5Z", DayEnd::Start),
            Ok(1500)
        );
        assert_eq!(
            parse_instant("2024-09-04T00:00:00.000Z", DayEnd::Start),
            Ok(1_725_408_000_000)
        );
        assert_eq!(
            parse_instant("2024-09-04T02:00:00+02:00", DayEnd::Start),
            parse_instant("2024-09-04T00:00:00Z", DayEnd::Start)
        );
        assert_eq!(
            parse_instant("2024-02-29", DayEnd::Start).map(|v| v > 0),
            Ok(true)
        );
    }

    #[test]
    fn rejects_malformed_and_impossible_values() {
        for bad in [
            "",
            "2024-9-4",
            "2023-02-29",
            "2024-13-01",
            "2024-04-31",
            "2024-09-04T24:00:00Z",
            "2024-09-04T00:00:00",
            "2024-09-04T00:00Z",
            "2024-09-04 00:00:00Z",
            "2024-09-04T00:00:00.Z",
            "2024-09-04T00:00:00+2:00",
            "yesterday",
            "2024-09-04T00:00:00Zjunk",
            "２０２４-09-04",
        ] {
            assert!(parse_instant(bad, DayEnd::Start).is_err(), "{bad}");
        }
    }

    #[test]
    fn leap_seconds_only_end_a_utc_day() {
        assert!(parse_instant("2016-12-31T23:59:60Z", DayEnd::Start).is_ok());
        assert!(parse_instant("1990-12-31T15:59:60-08:00", DayEnd::Start).is_ok());
        assert!(parse_instant("2024-06-30T12:59:60Z", DayEnd::Start).is_err());
    }

    #[test]
    fn bare_dates_become_date_times() {
        assert_eq!(
            to_date_time("2024-09-04", DayEnd::Start),
            "2024-09-04T00:00:00.000Z"
        );
        assert_eq!(
            to_date_time("2024-09-04", DayEnd::End),
            "2024-09-04T23:59:59.999Z"
        );
        assert_eq!(
            to_date_time("2024-09-04T01:02:03Z", DayEnd::End),
            "2024-09-04T01:02:03Z"
        );
    }

    #[test]
    fn parses_http_dates() {
        assert_eq!(
            parse_http_date("Thu, 01 Jan 1970 00:00:10 GMT"),
            Some(10_000)
        );
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777_000)
        );
        assert_eq!(parse_http_date("soon"), None);
    }
}
