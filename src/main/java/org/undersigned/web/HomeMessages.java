package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of a letter's line on the home page (its count and when it was last signed), English here; other
 * languages in {@code src/main/resources/messages/home_<tag>.properties}. Templates use them as {@code {home:key}}.
 */
@MessageBundle(value = "home", locale = "en")
public interface HomeMessages {

    @Message("No verified signatures yet")
    String noneYet();

    @Message("1 verified signature")
    String verifiedOne();

    @Message("{count} verified signatures")
    String verifiedMany(String count);

    @Message("last signed less than a minute ago")
    String signedJustNow();

    @Message("last signed a minute ago")
    String signedMinute();

    @Message("last signed {n} minutes ago")
    String signedMinutes(long n);

    @Message("last signed an hour ago")
    String signedHour();

    @Message("last signed {n} hours ago")
    String signedHours(long n);

    @Message("last signed a day ago")
    String signedDay();

    @Message("last signed {n} days ago")
    String signedDays(long n);

    @Message("last signed on {date}")
    String signedOn(String date);
}
