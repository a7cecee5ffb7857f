package exchange.workforce.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import org.apache.commons.text.StringEscapeUtils;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A page rendered once from {@link Pages#sharedModel} and served to everyone with the same view of it. Kept as UTF-8
 * bytes cut at the placeholders, so serving it to a person is copying bytes with their name and form token between
 * (searching and re-encoding an 80 KB page per request cost more than rendering its layout did).
 */
public final class SharedPage {

    private final List<byte[]> parts;
    /** For each gap between parts: true for the user's name, false for the form token. */
    private final List<Boolean> userGaps;
    private final int size;

    private SharedPage(List<byte[]> parts, List<Boolean> userGaps) {
        this.parts = parts;
        this.userGaps = userGaps;
        this.size = parts.stream().mapToInt(p -> p.length).sum();
    }

    public static SharedPage of(String html) {
        List<byte[]> parts = new ArrayList<>();
        List<Boolean> gaps = new ArrayList<>();
        int from = 0;
        while (true) {
            int user = html.indexOf(Pages.USER_PLACEHOLDER, from);
            int csrf = html.indexOf(Pages.CSRF_PLACEHOLDER, from);
            int next = user < 0 ? csrf : csrf < 0 ? user : Math.min(user, csrf);
            if (next < 0) {
                parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
                return new SharedPage(parts, gaps);
            }
            parts.add(html.substring(from, next).getBytes(StandardCharsets.UTF_8));
            boolean isUser = next == user;
            gaps.add(isUser);
            from = next + (isUser ? Pages.USER_PLACEHOLDER : Pages.CSRF_PLACEHOLDER).length();
        }
    }

    /** The page for this person: their name (escaped as a template would) and this browser's form token. */
    public byte[] forPerson(String user, String csrfToken) {
        byte[] name = StringEscapeUtils.escapeHtml4(user).getBytes(StandardCharsets.UTF_8);
        byte[] token = csrfToken.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream page = new ByteArrayOutputStream(size + 8 * (name.length + token.length));
        for (int i = 0; i < parts.size(); i++) {
            page.writeBytes(parts.get(i));
            if (i < userGaps.size()) {
                page.writeBytes(userGaps.get(i) ? name : token);
            }
        }
        return page.toByteArray();
    }

    /** The page as an HTTP answer for the person signed in on this request. */
    public MutableHttpResponse<byte[]> answer(HttpRequest<?> request, String user) {
        return HttpResponse.ok(forPerson(user, Csrf.token(request))).contentType(MediaType.TEXT_HTML_TYPE.getName() + ";charset=utf-8");
    }
}
