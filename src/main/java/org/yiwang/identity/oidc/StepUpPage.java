package org.yiwang.identity.oidc;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yiwang.identity.AssuranceLevel;

/** The page a person below a client's required assurance level is sent to (see {@link StepUp}). */
@Controller
class StepUpPage {

    @GetMapping(StepUp.PAGE)
    String show(HttpSession session, Model model) {
        if (!(session.getAttribute(StepUp.SESSION_ATTRIBUTE) instanceof StepUp.Needed needed)) {
            return "redirect:/account";
        }
        model.addAttribute("needed", needed);
        model.addAttribute("requiredLabel", AssuranceLevel.ofRank(needed.required()).label());
        model.addAttribute("currentLabel", AssuranceLevel.ofRank(needed.current()).label());
        return "oidc/step-up";
    }
}
