/// The compiled-in crisis flow: escalation keeps working with no data files at all.
///
/// It is an exact copy of `Scripts/flows/crisis.yaml`; a test fails when the two differ.
enum BuiltInCrisisFlow {
    static let source = #"""
# The crisis flow. The safety screen starts it, from any state, at one of these steps:
# crisis, emergency, concern, danger, harm-others, someone-else, someone-else-emergency.
# A user flow can't replace it.
# Safe-messaging rules for every line here: no method details, no arguing, no jokes, no emoji,
# no promise of secrecy, and never claim to be a person or a clinician.
# A copy of this file is compiled into the program (Sources/Dialogue/BuiltInCrisisFlow.swift);
# a test fails when the two differ.
# When the person has a safety plan (has_safety_plan), it is offered after the crisis lines,
# never instead of them: see plan-check.
id: crisis
title: Help right now
summary: Crisis lines and someone to talk to, right now.
menu: false
triggers:
  - "[*] (crisis|hotline|helpline) [*]"
  - "[i] need (help|someone to talk to) (now|right now|urgently)"
  - "who can i (call|talk to|text) [right now|now]"
examples:
  - "I need help right now"
  - "is there a hotline I can call"
counterexamples:
  - "help"
start: resources
steps:
  resources:
    say: |
      You don't have to go through this alone. These lines have trained people ready to listen:
      {{crisis_lines}}
      If you are in danger right now, call {{emergency_number}}.
      I'm a computer program, not a person, and I can't contact anyone for you.
    next: plan-check

  crisis:
    say: |
      Thank you for telling me. I'm really glad you said it.
      You don't have to go through this alone. Trained people are ready to listen right now:
      {{crisis_lines}}
      If you might act on these thoughts, call {{emergency_number}} now.
      I'm a computer program, not a person, and I can't contact anyone for you.
      Can I ask you directly: are you thinking about suicide, or about hurting yourself?
    yesno: {yes: crisis-yes, no: crisis-no, unsure: crisis-unsure}
    reprompt: "You can answer yes or no. Whatever the answer is, it's okay to say it."

  crisis-yes:
    say: |
      Thank you for trusting me with that. It takes courage to say.
      Please reach out to one of the lines above now. They are there for exactly this, day and night.
      Would you like to stay here with me and do a short grounding exercise while you reach out?
    yesno: {yes: ground-see, no: stay, unsure: stay}

  crisis-unsure:
    say: |
      That's okay. It can be hard to know what these thoughts are.
      If they are there at all, the people on the lines above can help you sort through them, day or night.
      Would you like to stay here with me and do a short grounding exercise?
    yesno: {yes: ground-see, no: stay, unsure: stay}

  crisis-no:
    say: |
      Thank you for answering. I'm glad you're still here with me.
      The lines above are there any time, day or night, if that changes.
      Would you like to do a short grounding exercise together?
    yesno: {yes: ground-see, no: stay, unsure: stay}

  stay:
    say: |
      Okay. I'm here. You choose what comes next.
      Type help to see what we can do together, or quit to leave.
      If things get harder, reach {{crisis_line}}.
    next: plan-check

  ground-see:
    say: |
      Let's slow down together.
      Look around you and name five things you can see.
    capture: ground_see
    next: ground-feel

  ground-feel:
    say: "Thank you. Now notice four things you can feel, like your feet on the floor or the chair under you."
    capture: ground_feel
    next: ground-hear

  ground-hear:
    say: "Now three things you can hear, near or far."
    capture: ground_hear
    next: ground-breathe

  ground-breathe:
    say: |
      Let's take one slow breath together. Breathe in gently through your nose...
      ...and let it out slowly, a little longer than you breathed in.
      How are you feeling right now, from 0 (awful) to 10 (okay)?
    scale: ground_rating
    next: ground-check
    reprompt: "A number from 0 to 10 is fine."

  ground-check:
    branch:
      - if: "ground_rating <= 3"
        next: ground-low
      - else: ground-end

  ground-low:
    say: |
      Thank you for being honest with me. It still feels really hard, and that matters.
      Please reach out now to {{crisis_line}}, or call {{emergency_number}} if you might act on these thoughts.
      You don't have to hold this on your own. I'm here. Type help to see what else we can do.
    next: plan-check

  ground-end:
    say: |
      Thank you for doing that with me.
      If the thoughts come back or get stronger, please reach {{crisis_line}}.
      I'm here. Type help to see what else we can do, or quit to leave.
    next: plan-check

  emergency:
    say: |
      Please call {{emergency_number}} now.
      Your safety matters most right now. If you have already taken something or hurt yourself, call even if you feel okay.
      If you can, move away from anything you could hurt yourself with, and go to where other people are.
      You can also reach:
      {{crisis_lines}}
      I'm a computer program, not a person, and I can't call anyone for you.
      Are you able to call {{emergency_number}} now?
    yesno: {yes: emergency-yes, no: emergency-no, unsure: emergency-no}
    reprompt: "Please call {{emergency_number}} now. You can answer yes or no."

  emergency-yes:
    say: |
      Thank you. Please make the call now. Your life matters.
      I'll still be here when you come back.
    end: true

  emergency-no:
    say: |
      If you can't call, please ask someone near you to call {{emergency_number}} for you, or go to the nearest emergency department.
      You can also text or call:
      {{crisis_lines}}
      Please reach out now. Your life matters.
    end: true

  concern:
    say: |
      It sounds like things are really heavy right now. Thank you for telling me.
      Sometimes when people feel this way, they have thoughts of ending their life.
      Are you having thoughts like that?
    yesno: {yes: concern-yes, no: concern-no, unsure: concern-yes}
    reprompt: "You can answer yes or no. Either answer is okay."

  concern-yes:
    say: |
      Thank you for telling me. I'm really glad you said it.
      You don't have to go through this alone. Trained people are ready to listen right now:
      {{crisis_lines}}
      If you might act on these thoughts, call {{emergency_number}} now.
      I'm a computer program, not a person, and I can't contact anyone for you.
      Would you like to stay here with me and do a short grounding exercise while you reach out?
    yesno: {yes: ground-see, no: stay, unsure: stay}

  concern-no:
    say: |
      Thank you for answering. I'm glad you're here.
      If that changes, you can reach {{crisis_line}} any time.
      We can carry on, or you can type help to see what else we can do.
    resume: true

  danger:
    say: |
      If you are in danger right now, please call {{emergency_number}}.
      I'm really sorry this is happening. It isn't your fault, and you deserve to be safe.
      These services help people in your situation:
      {{danger_lines}}
      I'm a computer program, not a person, and I can't contact anyone for you.
      Are you somewhere safe right now?
    yesno: {yes: danger-safe, no: danger-unsafe, unsure: danger-unsafe}
    reprompt: "You can answer yes or no. If you are in danger, call {{emergency_number}}."

  danger-safe:
    say: |
      I'm glad you're somewhere safe for now.
      When you're ready, the services above can help you plan what to do next.
      I'm here. Type help to see what else we can do.
    end: true

  danger-unsafe:
    say: |
      Please call {{emergency_number}} if you can.
      If you can, go to a place where other people are around.
      The services above can also help you make a plan to stay safe.
    end: true

  harm-others:
    say: |
      Thank you for telling me. It sounds like you're carrying a lot right now.
      If you feel you might hurt someone, please move away from them now, and call {{emergency_number}}.
      You can also reach {{crisis_line}}. They help with these feelings too.
      I'm a computer program, not a person, and I can't contact anyone for you.
      Would you like to try a slow breathing exercise to help things settle?
    yesno: {yes: ground-breathe, no: stay, unsure: stay}

  someone-else:
    say: |
      It sounds like you're worried about someone you care about. That's a lot to carry.
      If they might be in danger right now, call {{emergency_number}}.
      These lines also help people who are worried about someone else:
      {{crisis_lines}}
      It's okay to ask them kindly and directly whether they are thinking about suicide. Asking doesn't put the idea in their head.
      I'm a computer program, not a person, and I can't contact anyone for you.
      How are you holding up yourself?
    capture: own_feelings
    next: someone-else-end

  someone-else-end:
    say: |
      Thank you for telling me. Caring for someone who is struggling is hard, and your feelings matter too.
      We can carry on, or you can type help to see what else we can do.
    resume: true

  someone-else-emergency:
    say: |
      If someone is in danger right now, please call {{emergency_number}} now.
      Stay with them if it is safe for you, or stay on the phone with them, and move anything they could hurt themselves with out of reach if you can.
      These lines can also help you, right now:
      {{crisis_lines}}
      I'm a computer program, not a person, and I can't contact anyone for you.
      Are you able to call {{emergency_number}} now?
    yesno: {yes: someone-else-calling, no: someone-else-cannot-call, unsure: someone-else-cannot-call}
    reprompt: "Please call {{emergency_number}} now. You can answer yes or no."

  someone-else-calling:
    say: |
      Thank you. Please make the call now. You're doing the right thing.
      I'll still be here afterwards if you want to talk.
    end: true

  someone-else-cannot-call:
    say: |
      If you can't call, ask someone near you to call {{emergency_number}}, or text or call:
      {{crisis_lines}}
      Please reach out now.
    end: true

  plan-check:
    branch:
      - if: has_safety_plan
        next: plan-offer
      - else: plan-none

  plan-none:
    end: true

  plan-offer:
    say: "You made a safety plan. Would you like to look at your safety plan?"
    yesno: {yes: plan-show, no: plan-later, unsure: plan-later}
    reprompt: "You can answer yes or no."

  plan-show:
    say: |
      Here is your safety plan:
      1. Warning signs: {{plan_1}}
      2. Things I can do on my own: {{plan_2}}
      3. People and places that help: {{plan_3}}
      4. People I can ask for help: {{plan_4}}
      5. Professionals and crisis lines: {{plan_5}}
      {{crisis_lines}}
      6. Making my surroundings safer: {{plan_6}}
      If you are in danger right now, call {{emergency_number}}.
    end: true

  plan-later:
    say: "Okay. It's there whenever you want it: type safety plan."
    end: true

"""#

    /// The parsed flow. The text is fixed and tested, so parsing can't fail at run time.
    static let flow: Flow = {
        do { return try FlowLoader.load(text: source, path: "<built-in crisis flow>") } catch {
            preconditionFailure("the built-in crisis flow is broken: \(error)")
        }
    }()
}
