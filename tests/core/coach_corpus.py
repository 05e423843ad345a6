"""A labelled corpus of asks for measuring the ask coach (DESIGN.md section 4).

Written for goodloop by hand, before the coach rules: emails, LinkedIn notes, texts and
one-liners, polite and rude, short and long. Each entry is labelled "vague" (a helper
could not act on it, or it asks the wrong thing: a job, the whole network) or "specific"
(names who and where and one small deliverable), with the finding codes an honest reader
would expect. ``context`` (optional) is passed to the coach as a CoachContext.
"""

VAGUE = "vague"
SPECIFIC = "specific"

CORPUS: list[dict] = [
    # ------------------------------------------------------------------ vague
    {"text": "Do you know any companies I should target?", "label": VAGUE,
     "codes": ["vague_chestnut", "no_org", "no_people_category"]},
    {"text": "Hey! Let me know if you hear of anything.", "label": VAGUE,
     "codes": ["vague_chestnut", "not_a_question", "no_org"]},
    {"text": "Hi Priya, hope you're doing well. I was recently laid off and I'm looking for my next "
             "role. If you hear of anything please keep me in mind. Thanks!", "label": VAGUE,
     "codes": ["vague_chestnut", "not_a_question", "no_org"]},
    {"text": "Do you know anyone I should talk to?", "label": VAGUE,
     "codes": ["vague_chestnut", "no_gratitude", "no_org"]},
    {"text": "Can I pick your brain sometime?", "label": VAGUE,
     "codes": ["no_org", "no_people_category"]},
    {"text": "I'm desperate at this point. Nobody is hiring and I'll take any job. Can you help?",
     "label": VAGUE, "codes": ["negative_tone", "no_org"]},
    {"text": "Could you send me a list of everyone you know in tech?", "label": VAGUE,
     "codes": ["whole_network", "no_org"]},
    {"text": "Are you hiring? I need a job.", "label": VAGUE, "codes": ["asks_for_job"]},
    {"text": "Hi Mark - any openings at your company? I'd love to work with you again.",
     "label": VAGUE, "codes": ["asks_for_job"]},
    {"text": "Would you mind sharing my resume with your whole network? Thanks so much!",
     "label": VAGUE, "codes": ["whole_network", "no_org"]},
    {"text": "Hi Jenna, I see we're both in the Bay Area. I'm exploring new opportunities and would "
             "love to connect and learn about any roles you might know of. Cheers",
     "label": VAGUE, "codes": ["no_org", "not_a_question"]},
    {"text": "Please let me know of any job leads.", "label": VAGUE,
     "codes": ["not_a_question", "no_org"]},
    {"text": "Dear Susan, I hope this email finds you well. As you may know, my position at the "
             "company was eliminated last month as part of a restructuring, and I have been using "
             "the time to reflect on what I want to do next. I have spent the past eight years in "
             "operations and supply chain, and I am proud of the teams I built and the processes I "
             "improved. I am now looking for a role where I can continue to grow and make an impact, "
             "ideally in a mission-driven organization. I know you have a wonderful network and have "
             "always been generous with your time. If you know of anything that might be a good fit, "
             "I would really appreciate you passing it along. Warm regards, Daniel",
     "label": VAGUE, "codes": ["too_long", "no_org", "vague_chestnut", "not_a_question"]},
    {"text": "Hey man, long time no see! I'm job hunting. Anything you can do would help.",
     "label": VAGUE, "codes": ["not_a_question", "vague_chestnut", "no_org"]},
    {"text": "I'm reaching out to everyone in my network to let them know I'm looking. "
             "Keep your ears open for me!", "label": VAGUE,
     "codes": ["vague_chestnut", "not_a_question", "no_org"]},
    {"text": "Can you help me find a job?", "label": VAGUE, "codes": ["asks_for_job", "no_org"]},
    {"text": "Do you have any advice for someone in my position?", "label": VAGUE,
     "codes": ["no_org", "no_concrete_action"]},
    {"text": "Got any tips for breaking into tech? thx", "label": VAGUE,
     "codes": ["no_org", "no_concrete_action"]},
    {"text": "This job market is brutal and I'm losing hope. Do you know of anything out there?",
     "label": VAGUE, "codes": ["negative_tone", "vague_chestnut", "no_org"]},
    {"text": "Would love to grab coffee and chat about what's next for me!", "label": VAGUE,
     "codes": ["no_org", "not_a_question", "no_people_category"]},
    {"text": "Could you introduce me to some people?", "label": VAGUE,
     "codes": ["no_org", "no_people_category"]},
    {"text": "Who do you know at tech companies in Seattle?", "label": VAGUE,
     "codes": ["no_org", "vague_chestnut"]},
    {"text": "Hi Dana! Hope the new job is going great. I'm looking for something new in design - if "
             "you know of anyone hiring, I'd love an intro!", "label": VAGUE,
     "codes": ["no_org", "not_a_question"]},
    {"text": "Any ideas on where I should apply?", "label": VAGUE,
     "codes": ["vague_chestnut", "no_org"]},
    {"text": "I'm open to anything at this point, honestly. Do you know any companies that are hiring?",
     "label": VAGUE, "codes": ["no_org", "asks_for_job"]},
    {"text": "Can you forward my resume to your contacts?", "label": VAGUE,
     "codes": ["whole_network", "no_org"]},
    {"text": "Let's catch up soon. I'm in the market for a new gig.", "label": VAGUE,
     "codes": ["not_a_question", "no_org"]},
    {"text": "Dear Mr. Thompson, I am writing to inquire about any employment opportunities that may "
             "exist within your organization. I have attached my resume for your consideration. I "
             "look forward to hearing from you.", "label": VAGUE,
     "codes": ["asks_for_job", "not_a_question", "no_gratitude"]},
    {"text": "yo do u know anybody who could help me get a job", "label": VAGUE,
     "codes": ["asks_for_job", "no_org"]},
    {"text": "Please keep an eye out for roles that fit my background. Much appreciated.",
     "label": VAGUE, "codes": ["vague_chestnut", "not_a_question", "no_org"]},
    {"text": "I'd love any help you can give with my search!", "label": VAGUE,
     "codes": ["vague_chestnut", "not_a_question", "no_org"]},
    {"text": "Can you tell me which companies are good to work for?", "label": VAGUE,
     "codes": ["no_org"]},
    {"text": "Hi Omar, thanks for connecting! I'm a data analyst looking to transition into data "
             "science. I would be grateful for any guidance or connections you could share.",
     "label": VAGUE, "codes": ["no_org", "not_a_question", "no_concrete_action"]},
    {"text": "Would you be willing to put in a good word for me anywhere you can?", "label": VAGUE,
     "codes": ["no_org"]},
    {"text": "Do you know anyone at any startups?", "label": VAGUE, "codes": ["no_org"]},
    {"text": "I've applied to 200 jobs and heard nothing back. It's so frustrating. "
             "Is there anything you can do?", "label": VAGUE,
     "codes": ["negative_tone", "vague_chestnut", "no_org"]},
    {"text": "Could we set up a call so I can tell you about my job search?", "label": VAGUE,
     "codes": ["no_org", "no_people_category"]},
    {"text": "Hi all, sharing that I'm #opentowork! Please reach out if you know of something.",
     "label": VAGUE, "codes": ["not_a_question", "vague_chestnut", "no_org"]},
    {"text": "Can I get a list of all your contacts at banks?", "label": VAGUE,
     "codes": ["whole_network", "no_org"]},
    {"text": "Is your company hiring? I'd be a great fit for anything.", "label": VAGUE,
     "codes": ["asks_for_job"]},
    {"text": "Hello! I noticed you work in marketing. I'm also interested in marketing. Let me know "
             "if there's any way you can help me out.", "label": VAGUE,
     "codes": ["not_a_question", "no_org", "vague_chestnut"]},
    {"text": "Thinking about a career change. Thoughts?", "label": VAGUE, "codes": ["no_org"]},
    {"text": "Could you pass along any jobs you see?", "label": VAGUE,
     "codes": ["asks_for_job", "no_org"]},
    # ---------------------------------------------------------------- specific
    {"text": "Do you know anyone in product marketing at eBay or American Express? I'd be grateful "
             "for an introduction to one or two people.", "label": SPECIFIC, "codes": []},
    {"text": "Hi Sam, I'm targeting Stripe and Plaid for a payments product role. Would you be open "
             "to introducing me to an engineering manager on Stripe's payments team? Thanks so much - "
             "no worries if not.", "label": SPECIFIC, "codes": []},
    {"text": "Could you spare 20 minutes next week to share how the data science team at Spotify "
             "works? Thanks!", "label": SPECIFIC, "codes": []},
    {"text": "Would you be willing to review my resume for senior UX designer roles at Airbnb? "
             "Thank you!", "label": SPECIFIC, "codes": []},
    {"text": "Hi Lena - you mentioned your former colleague Jorge Ramos is now a recruiter at "
             "Salesforce. Would you be comfortable introducing us? I'm applying for their solutions "
             "engineer opening. Thanks either way!", "label": SPECIFIC, "codes": []},
    {"text": "Introduce me to the head of data science at Spotify. I need it by Friday.",
     "label": SPECIFIC, "codes": ["not_a_question", "no_gratitude"]},
    {"text": "Any chance you could intro me to a hiring manager at Datadog? Thanks!",
     "label": SPECIFIC, "codes": []},
    {"text": "Introduce me to whoever runs recruiting at Google.", "label": SPECIFIC,
     "codes": ["not_a_question", "no_gratitude"]},
    {"text": "Hi Rachel, Greg Lee suggested I reach out. I'm exploring clinical operations roles at "
             "Kaiser Permanente and Sutter Health. Since you spent six years at Kaiser, would you have "
             "20 minutes in the next two weeks to share what the clinical ops team values in new "
             "hires? Thank you for considering it.", "label": SPECIFIC, "codes": []},
    {"text": "Would you be a reference for me for the program manager role at Boeing? I'd send you the "
             "job description and a summary of our project together. No pressure if the timing is bad.",
     "label": SPECIFIC, "codes": []},
    {"text": "Could you connect me with one or two nurse managers at Mass General? I'm applying for a "
             "charge nurse position there. Thanks!", "label": SPECIFIC, "codes": []},
    {"text": "Is there someone on the Shopify growth team you'd feel comfortable introducing me to? "
             "Happy to send a short blurb you can forward. Thank you!", "label": SPECIFIC, "codes": []},
    {"text": "Hi Kevin, could you refer me for the backend engineer role at Netflix? Thanks!",
     "label": SPECIFIC, "codes": ["trust_gate"],
     "context": {"ask_kind": "referral", "person": {"name": "Kevin Ng", "trust_stage": "stranger"}}},
    {"text": "Would you introduce me to a product designer at Figma? Thank you!", "label": SPECIFIC,
     "codes": ["over_asking"],
     "context": {"guard_warnings": ["1 earlier ask still without a reply"]}},
    {"text": "Do you know a finance director at Unilever or Nestlé who'd take a 20-minute call with "
             "me? Thanks for thinking about it.", "label": SPECIFIC, "codes": []},
    {"text": "Hi Mei, fellow Michigan alum here! I'm interviewing with Ford's EV battery group next "
             "month. Would you be open to a 15-minute chat about what the battery engineers there "
             "care most about? Thanks!", "label": SPECIFIC, "codes": []},
    {"text": "Can you introduce me to a recruiter at Deloitte? I'm focused on their risk advisory "
             "practice. Thank you!", "label": SPECIFIC, "codes": []},
    {"text": "Hi Paul, I hope the move to Denver went smoothly and that the kids are settling in at "
             "their new school. I'm writing because I'm focusing my search on three companies in "
             "the climate software space: Arcadia, Watershed and Persefoni. I know you spent two "
             "years at Watershed on the sales side before moving on, and from what I hear you still "
             "keep in touch with a lot of the team. Would you be willing to introduce me to one or "
             "two people on Watershed's customer success team? I'd only ask them for 20 minutes to "
             "understand how they onboard enterprise customers. I'm happy to write a short blurb you "
             "can forward. Thank you so much, and no worries at all if the timing isn't right.",
     "label": SPECIFIC, "codes": ["too_long"]},
    {"text": "Hi Ms. Alvarez, I found your talk on hospital supply chains really useful, especially "
             "the part about par levels. I'm a supply chain analyst looking at roles in health "
             "systems, and Intermountain Health is at the top of my list because of its work on "
             "standardized procurement. Since you lead procurement analytics there, would you have "
             "20 minutes in the next few weeks to share what your team looks for in analysts? I'd "
             "be grateful for any time you can spare, and completely understand if you're too busy.",
     "label": SPECIFIC, "codes": ["too_long"],
     "context": {"person": {"name": "Laura Alvarez", "first_contact": True}}},
    {"text": "Would you ask your sister, who's a product lead at Atlassian, if she'd be open to a "
             "short call with me? Totally fine if not.", "label": SPECIFIC, "codes": []},
    {"text": "Could you share the name of the engineering manager for the Kubernetes team at Red Hat? "
             "I'd like to send a short note. Thanks!", "label": SPECIFIC, "codes": []},
    {"text": "Hi Ana, would you look over my cover letter for the policy analyst position at the "
             "Gates Foundation? It's one page. Thank you!", "label": SPECIFIC, "codes": []},
    {"text": "I'm targeting three hospitals: Cedars-Sinai, UCLA Health and Kaiser. Do you know any "
             "pediatric nurses at any of them who'd talk to me for 20 minutes? Thanks so much.",
     "label": SPECIFIC, "codes": []},
    {"text": "Could you introduce me to a sales manager at HubSpot?", "label": SPECIFIC,
     "codes": ["no_gratitude"]},
    {"text": "Would you be willing to put me in touch with someone in procurement at Procter & "
             "Gamble? Thanks in advance!", "label": SPECIFIC, "codes": []},
    {"text": "Hey Chris, quick one: do you know anyone on the iOS team at Duolingo? Would love an "
             "intro if so. Thanks!", "label": SPECIFIC, "codes": []},
    {"text": "Could you give me 20 minutes of feedback on my portfolio before I apply to IDEO? I'm "
             "aiming for their interaction designer role. Thank you!", "label": SPECIFIC, "codes": []},
    {"text": "Would you be comfortable making an intro to Priya Shah, the VP of Engineering at Gusto? "
             "I'd keep it to one short email. Thanks!", "label": SPECIFIC, "codes": []},
    {"text": "Dear Professor Allen, I'm applying to research scientist positions at the Broad "
             "Institute. Would you be willing to serve as a reference? I'm happy to send my CV and a "
             "summary of my thesis work. Thank you for considering.", "label": SPECIFIC, "codes": []},
    {"text": "Can you introduce me to two or three account executives at Zendesk? I want to "
             "understand their sales cycle before my interview. Thanks!", "label": SPECIFIC,
     "codes": []},
    {"text": "I know you worked at McKinsey for years. Would you introduce me to a partner in their "
             "healthcare practice? Thank you - and no worries if it's awkward.", "label": SPECIFIC,
     "codes": []},
    {"text": "Could you send a quick intro to the hiring manager for the data engineer role at "
             "Instacart? I've attached a two-line blurb you can forward. Thanks!", "label": SPECIFIC,
     "codes": []},
    {"text": "Hi Beth, I'm preparing for an interview with the policy team at the World Bank. Would "
             "you have 20 minutes to tell me what their economists look for? Thanks so much!",
     "label": SPECIFIC, "codes": []},
    {"text": "Could you pass my one-page brief to a marketing director at Nike or Adidas? Thanks - "
             "totally understand if not.", "label": SPECIFIC, "codes": []},
    {"text": "It's been a rough few months, honestly. Would you introduce me to a product manager at "
             "Intuit? Thanks!", "label": SPECIFIC, "codes": []},
    {"text": "Can you refer me to the security engineering manager at Cloudflare? Happy to send my "
             "resume. Thanks!", "label": SPECIFIC, "codes": []},
    {"text": "Would you introduce me to one controller or FP&A lead at the northwind finance team? "
             "Thanks!", "label": SPECIFIC, "codes": [],
     "context": {"known_organizations": ["Northwind"]}},
    {"text": "quick q - could u intro me to the eng manager on the payments squad at Monzo? ty!",
     "label": SPECIFIC, "codes": []},
]

# A hold-out set written after the coach's rules, and scored once before any change, to
# keep the headline accuracy honest (the main corpus was written first but the rules were
# developed against it). Reported separately by the corpus test.
HOLDOUT: list[dict] = [
    {"text": "Hi Jo, I'm on the hunt again. Would be great to hear if anything crosses your desk!",
     "label": VAGUE, "codes": ["no_org"]},
    {"text": "Do you happen to know a good place for someone like me to work?", "label": VAGUE,
     "codes": ["no_org"]},
    {"text": "Hey, could you help me network a bit? I'm trying to meet more people.", "label": VAGUE,
     "codes": ["no_org"]},
    {"text": "Morning! Any openings on your side? Would love to join you guys.", "label": VAGUE,
     "codes": ["asks_for_job"]},
    {"text": "Hope you don't mind me reaching out. I'm looking for work in finance. If you think of "
             "anybody I ought to meet, I'd welcome the intro.", "label": VAGUE,
     "codes": ["no_org", "not_a_question"]},
    {"text": "Can you send my CV around to people you know?", "label": VAGUE, "codes": ["no_org"]},
    {"text": "I'm so lost right now, nothing I try works. What should I do?", "label": VAGUE,
     "codes": ["negative_tone", "no_org"]},
    {"text": "Would you tell me about your career path sometime?", "label": VAGUE,
     "codes": ["no_org"]},
    {"text": "Mind if I send you my resume in case you hear of something?", "label": VAGUE,
     "codes": ["vague_chestnut", "no_org"]},
    {"text": "Please share any contacts you think could be useful. Thanks!", "label": VAGUE,
     "codes": ["no_org", "not_a_question"]},
    {"text": "Know anyone who's hiring right now?", "label": VAGUE, "codes": ["asks_for_job", "no_org"]},
    {"text": "Hey Lisa - I'd appreciate anything you can share about opportunities in your industry.",
     "label": VAGUE, "codes": ["no_org", "not_a_question"]},
    {"text": "Would you be willing to introduce me to someone in investor relations at Moderna? "
             "Thank you so much.", "label": SPECIFIC, "codes": []},
    {"text": "Could I borrow 20 minutes of your time to learn how the analytics team at Wayfair "
             "prioritizes projects? No worries if you're swamped.", "label": SPECIFIC, "codes": []},
    {"text": "Hi Tariq, since you used to work at Bloomberg, would you know an editor on their "
             "markets desk who might chat with me briefly? Thanks!", "label": SPECIFIC, "codes": []},
    {"text": "Would you put me in touch with the product operations lead at Canva? Many thanks.",
     "label": SPECIFIC, "codes": []},
    {"text": "Can you look over my LinkedIn profile before I reach out to recruiters at Pfizer? "
             "Thanks a lot!", "label": SPECIFIC, "codes": []},
    {"text": "I'm meeting the hiring manager at Etsy on Tuesday. Would you share what their "
             "engineering leaders value most? Really appreciate it.", "label": SPECIFIC, "codes": []},
    {"text": "Do you know one or two quality engineers at Medtronic who'd answer a few questions about "
             "their work? Thanks - no pressure.", "label": SPECIFIC, "codes": []},
    {"text": "Would you mind introducing me to the head of partnerships at Notion? I'll send a "
             "forwardable blurb. Thanks!", "label": SPECIFIC, "codes": []},
    {"text": "Could you connect me with a supply planner at Target or Best Buy? Thank you!",
     "label": SPECIFIC, "codes": []},
    {"text": "Send me the name of whoever leads design at Asana.", "label": SPECIFIC,
     "codes": ["not_a_question", "no_gratitude"]},
    {"text": "Would you be a reference for my application to the data analyst role at the City of "
             "Boston? I can send talking points. Thank you!", "label": SPECIFIC, "codes": []},
    {"text": "Are there any program officers at the Ford Foundation you could introduce me to for a "
             "15-minute conversation? Thanks so much.", "label": SPECIFIC, "codes": []},
]
