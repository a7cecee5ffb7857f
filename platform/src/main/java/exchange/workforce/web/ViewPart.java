package exchange.workforce.web;

/**
 * A record whose components are a part of a template's variables, set beside the page's own when it is one of a view
 * model's components: the {@link Layout}, the {@link Entered} form, or a part two templates share (the board report's
 * body is the page's and the PDF's). A later component of the view model sets a variable of the same name again.
 */
public interface ViewPart {
}
